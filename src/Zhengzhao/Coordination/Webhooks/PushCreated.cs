namespace Zhengzhao.Coordination.Webhooks;

/// <summary>The data of a <c>push.created</c> event: a company pushed to the receiving department (双告知).</summary>
public sealed record PushCreated(
    Guid PushId,
    string Uscc,
    string CompanyName,
    string RegionCode,
    string ItemCode,
    string ItemName,
    string Mode,
    string Department,
    DateOnly PushedOn,
    string EventId)
{
    public const string EventType = "push.created";

    public static PushCreated Of(Push push, string companyName, string itemName)
    {
        ArgumentNullException.ThrowIfNull(push);
        return new(push.Id, push.Uscc, companyName, push.RegionCode, push.ItemCode, itemName, push.Mode.ToString(), push.DepartmentCode, push.PushedOn, push.EventId);
    }
}
