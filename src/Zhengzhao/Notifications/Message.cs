using Zhengzhao.Common;

namespace Zhengzhao.Notifications;

/// <summary>
/// 站内消息: what the platform tells a person or a company, kept in their mailbox until read. A company's mailbox is
/// read by every applicant account of the company; an officer's by the officer.
/// </summary>
public sealed class Message
{
    public const int MaxSubjectLength = 200;

    public const int MaxBodyLength = 2000;

    private Message()
    {
        Mailbox = Subject = Body = string.Empty;
    }

    public Message(string mailbox, string subject, string body, string? link, DateTime createdAt)
        : this()
    {
        Mailbox = mailbox;
        Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        Body = body.Length > MaxBodyLength ? body[..MaxBodyLength] : body;
        Link = link;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = SequentialGuid.Next();

    /// <summary>Whose: see <see cref="Mailboxes"/>.</summary>
    public string Mailbox { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    /// <summary>The page the message is about, relative to the site.</summary>
    public string? Link { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }
}

/// <summary>Mailbox names: one per account, one per company.</summary>
public static class Mailboxes
{
    public const string OfficerPrefix = "user:";

    public const string CompanyPrefix = "company:";

    public static string Officer(string userName) => OfficerPrefix + userName;

    public static string Company(string uscc) => CompanyPrefix + uscc;

    /// <summary>What a signed-in reader reads: an applicant its company's mailbox too.</summary>
    public static IReadOnlyList<string> Of(string userName, string? uscc) => uscc is null ? [Officer(userName)] : [Officer(userName), Company(uscc)];
}
