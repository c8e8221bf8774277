using Zhengzhao.Common;

namespace Zhengzhao.Registry;

public enum EnterpriseStatus
{
    /// <summary>存续.</summary>
    Active,

    /// <summary>注销.</summary>
    Cancelled,

    /// <summary>吊销.</summary>
    Revoked,
}

/// <summary>
/// A market entity on the register, one per unified social credit code. The legal representative's identity number
/// is kept only encrypted (<see cref="LegalRepresentativeIdProtected"/>); every change is kept as history.
/// </summary>
public sealed class Enterprise : Audit.IAudited
{
    private readonly List<EnterpriseChange> _changes = [];

    private Enterprise()
    {
        Uscc = Name = LegalRepresentative = LegalRepresentativeIdProtected = LegalRepresentativeIdMasked = Address = RegionCode = RegisteringAuthority = BusinessScope = string.Empty;
    }

    public Enterprise(Uscc code, EnterpriseFacts facts, string protectedId, string maskedId, string eventId, DateTime at)
        : this()
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(facts);
        Uscc = code.Value;
        Apply(facts, protectedId, maskedId);
        Status = EnterpriseStatus.Active;
        _changes.Add(new EnterpriseChange(Uscc, eventId, "设立登记", $"经营范围：{facts.BusinessScope}", at));
    }

    public string Uscc { get; private set; }

    public string Name { get; private set; }

    public EnterpriseType Type { get; private set; }

    public string LegalRepresentative { get; private set; }

    /// <summary>The identity number encrypted with the platform's data-protection keys.</summary>
    public string LegalRepresentativeIdProtected { get; private set; }

    public string LegalRepresentativeIdMasked { get; private set; }

    public string Address { get; private set; }

    public string RegionCode { get; private set; }

    public string RegisteringAuthority { get; private set; }

    public DateOnly EstablishedOn { get; private set; }

    public DateOnly ApprovedOn { get; private set; }

    /// <summary>注册资本, in ten thousand yuan (万元).</summary>
    public decimal RegisteredCapital { get; private set; }

    /// <summary>经营范围 as written on the licence, with its 许可项目 and 一般项目 parts.</summary>
    public string BusinessScope { get; private set; }

    public EnterpriseStatus Status { get; private set; }

    /// <summary>
    /// Whether the name index holds this name: at once for a registration, which writes its postings in the same
    /// save; after the catch-up (<see cref="IndexNames"/>) for a company imported in bulk or on the register before
    /// the index existed.
    /// </summary>
    public bool NameIndexed { get; private set; } = true;

    public IReadOnlyList<EnterpriseChange> Changes => _changes;

    /// <summary>Records a change of registration; what changed is written to the history in the registrar's words.</summary>
    public Result<EnterpriseChange> Change(EnterpriseFacts facts, string protectedId, string maskedId, string eventId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (Status != EnterpriseStatus.Active)
        {
            return RegistryRefusals.NotActive(this, "变更登记");
        }

        var changes = new List<string>();
        void Compare(string label, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add($"{label}：{before} → {after}");
            }
        }

        Compare("名称", Name, facts.Name);
        Compare("类型", EnterpriseTypes.Name(Type), EnterpriseTypes.Name(facts.Type));
        Compare("法定代表人", LegalRepresentative, facts.LegalRepresentative);
        Compare("住所", Address, facts.Address);
        Compare("区划", RegionCode, facts.RegionCode);
        // Compared as numbers: PostgreSQL gives 100.5 back as 100.5000.
        Compare("注册资本（万元）", Capital(RegisteredCapital), Capital(facts.RegisteredCapital));
        Compare("经营范围", BusinessScope, facts.BusinessScope);
        if (changes.Count == 0 && LegalRepresentativeIdMasked == maskedId)
        {
            return RegistryRefusals.NoChange();
        }

        Apply(facts, protectedId, maskedId);
        var change = new EnterpriseChange(Uscc, eventId, "变更登记", changes.Count == 0 ? "法定代表人身份证件更正" : string.Join("；", changes), at);
        _changes.Add(change);
        return change;
    }

    /// <summary>
    /// 注销登记: the company ends on the day the registrar deregistered it, for the reason given (dissolution,
    /// bankruptcy, a merger…). Final: a deregistered or revoked company changes no more.
    /// </summary>
    public Result<EnterpriseChange> Deregister(DateOnly on, string reason, string eventId, DateTime at)
    {
        if (Status != EnterpriseStatus.Active)
        {
            return RegistryRefusals.NotActive(this, "注销登记");
        }

        if (on < EstablishedOn)
        {
            return RegistryRefusals.DeregisteredBeforeEstablished(EstablishedOn);
        }

        Status = EnterpriseStatus.Cancelled;
        var change = new EnterpriseChange(Uscc, eventId, "注销登记", $"于 {on:yyyy-MM-dd} 注销登记，原因：{reason}", at);
        _changes.Add(change);
        return change;
    }

    private static string Capital(decimal value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private void Apply(EnterpriseFacts facts, string protectedId, string maskedId)
    {
        Name = facts.Name;
        Type = facts.Type;
        LegalRepresentative = facts.LegalRepresentative;
        LegalRepresentativeIdProtected = protectedId;
        LegalRepresentativeIdMasked = maskedId;
        Address = facts.Address;
        RegionCode = facts.RegionCode;
        RegisteringAuthority = facts.RegisteringAuthority;
        EstablishedOn = facts.EstablishedOn;
        ApprovedOn = facts.ApprovedOn;
        RegisteredCapital = facts.RegisteredCapital;
        BusinessScope = facts.BusinessScope;
    }
}

/// <summary>What a registration or change states about the enterprise (the identity number travels separately, in clear only on input).</summary>
public sealed record EnterpriseFacts(
    string Name,
    EnterpriseType Type,
    string LegalRepresentative,
    string Address,
    string RegionCode,
    string RegisteringAuthority,
    DateOnly EstablishedOn,
    DateOnly ApprovedOn,
    decimal RegisteredCapital,
    string BusinessScope);

/// <summary>One entry of an enterprise's registration history, tied to the event that caused it.</summary>
public sealed class EnterpriseChange : Audit.IAudited
{
    private EnterpriseChange()
    {
        Uscc = EventId = Kind = Summary = string.Empty;
    }

    public EnterpriseChange(string uscc, string eventId, string kind, string summary, DateTime at)
    {
        Uscc = uscc;
        EventId = eventId;
        Kind = kind;
        Summary = summary.Length <= 4000 ? summary : summary[..4000];
        At = at;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    public string Uscc { get; private set; }

    /// <summary>The registration system's event id: a redelivered event is recognised by it and changes nothing.</summary>
    public string EventId { get; private set; }

    public string Kind { get; private set; }

    public string Summary { get; private set; }

    public DateTime At { get; private set; }
}

public static class EnterpriseStatuses
{
    public static string Name(EnterpriseStatus status) => status switch
    {
        EnterpriseStatus.Active => "存续",
        EnterpriseStatus.Cancelled => "注销",
        _ => "吊销",
    };
}
