namespace Zhengzhao.Common;

/// <summary>Who is acting: the user name recorded in the audit trail.</summary>
public sealed record Actor(string UserName)
{
    public static readonly Actor System = new("system");
}
