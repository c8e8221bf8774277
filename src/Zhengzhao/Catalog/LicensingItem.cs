using Zhengzhao.Common;

namespace Zhengzhao.Catalog;

/// <summary>
/// A catalogue item (行政许可事项) and its versions. The item guards its own history: one draft at a time, a published
/// version is never changed, publishing closes the validity of the version before, and a retired item takes no
/// new versions.
/// </summary>
public sealed class LicensingItem : Audit.IAudited
{
    private readonly List<ItemVersion> _versions = [];

    private LicensingItem()
    {
        Code = string.Empty;
    }

    public LicensingItem(string code, CatalogKind kind, DateTime createdAt)
    {
        Code = code;
        Kind = kind;
        CreatedAt = createdAt;
    }

    public string Code { get; private set; }

    public CatalogKind Kind { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The first day the item no longer applies.</summary>
    public DateOnly? RetiredOn { get; private set; }

    /// <summary>
    /// Changed by every change to the item or its versions and checked on save, so two officers (or a double click)
    /// working from the same state cannot both succeed: the second is told to reload.
    /// </summary>
    public Guid Stamp { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<ItemVersion> Versions => _versions;

    public ItemVersion? Draft => _versions.FirstOrDefault(v => v.IsDraft);

    public ItemVersion? LatestPublished => _versions.Where(v => !v.IsDraft).MaxBy(v => v.Number);

    /// <summary>The published version in force on a date, if any.</summary>
    public ItemVersion? InForceOn(DateOnly date) =>
        RetiredOn <= date ? null : _versions.FirstOrDefault(v => !v.IsDraft && v.ValidFrom <= date && (v.ValidTo is null || v.ValidTo >= date));

    /// <summary>Starts or replaces the draft with new content.</summary>
    public Result<ItemVersion> SaveDraft(ItemContent content, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (RetiredOn is not null)
        {
            return CatalogRefusals.Retired(Code);
        }

        Stamp = Guid.NewGuid();
        var draft = Draft;
        if (draft is null)
        {
            draft = new ItemVersion(Code, _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1, content, now);
            _versions.Add(draft);
        }
        else
        {
            draft.Replace(content, now);
        }

        return draft;
    }

    /// <summary>Publishes the draft from a date; the version in force until then ends the day before.</summary>
    public Result<ItemVersion> Publish(DateOnly validFrom, string publishedBy, DateTime now)
    {
        if (RetiredOn is not null)
        {
            return CatalogRefusals.Retired(Code);
        }

        var draft = Draft;
        if (draft is null)
        {
            return CatalogRefusals.NoDraft(Code);
        }

        if (ItemRules.Validate(draft.Content) is { Count: > 0 } problems)
        {
            return CatalogRefusals.Incomplete(problems);
        }

        var previous = LatestPublished;
        if (previous is not null && validFrom <= previous.ValidFrom)
        {
            return CatalogRefusals.ValidFromNotAfter(previous);
        }

        previous?.EndBefore(validFrom);
        draft.MarkPublished(validFrom, publishedBy, now);
        Stamp = Guid.NewGuid();
        return draft;
    }

    public Result<LicensingItem> Retire(DateOnly from)
    {
        if (RetiredOn is not null)
        {
            return CatalogRefusals.Retired(Code);
        }

        if (LatestPublished is null)
        {
            return CatalogRefusals.NeverPublished(Code);
        }

        RetiredOn = from;
        Stamp = Guid.NewGuid();
        var draft = Draft;
        if (draft is not null)
        {
            _versions.Remove(draft);
        }

        return this;
    }
}

/// <summary>One version of an item: a draft while it is edited, then published and never changed again.</summary>
public sealed class ItemVersion : Audit.IAudited
{
    private ItemVersion()
    {
        ItemCode = string.Empty;
        Content = null!;
    }

    internal ItemVersion(string itemCode, int number, ItemContent content, DateTime now)
    {
        ItemCode = itemCode;
        Number = number;
        Content = content;
        SavedAt = now;
        IsDraft = true;
        Denormalise();
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string ItemCode { get; private set; }

    public int Number { get; private set; }

    public ItemContent Content { get; private set; }

    public bool IsDraft { get; private set; }

    public DateTime SavedAt { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    /// <summary>The last day in force; null while it is the current version.</summary>
    public DateOnly? ValidTo { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    // Copies of content fields as columns, so the catalogue can be filtered without reading the JSON.
    public string Name { get; private set; } = string.Empty;

    public string DepartmentCode { get; private set; } = string.Empty;

    public ReformMode Mode { get; private set; }

    internal void Replace(ItemContent content, DateTime now)
    {
        if (!IsDraft)
        {
            throw new InvalidOperationException($"Version {Number} of {ItemCode} is published and cannot change.");
        }

        Content = content;
        SavedAt = now;
        Denormalise();
    }

    internal void MarkPublished(DateOnly validFrom, string publishedBy, DateTime now)
    {
        IsDraft = false;
        ValidFrom = validFrom;
        PublishedAt = now;
        PublishedBy = publishedBy;
        Denormalise();
    }

    internal void EndBefore(DateOnly nextValidFrom) => ValidTo = nextValidFrom.AddDays(-1);

    private void Denormalise()
    {
        Name = Content.Name;
        DepartmentCode = Content.DepartmentCode;
        Mode = Content.Mode;
    }
}
