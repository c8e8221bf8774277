namespace Zhengzhao.Coordination.Webhooks;

/// <summary>
/// Where a department with its own system receives the platform's events: one address per department, with the
/// shared secret that signs each delivery. The secret is stored only encrypted; the platform makes it, shows it once.
/// </summary>
public sealed class WebhookEndpoint : Audit.IAudited
{
    public const int MaxUrlLength = 500;

    private WebhookEndpoint()
    {
        DepartmentCode = Url = SecretProtected = SetBy = string.Empty;
    }

    public WebhookEndpoint(string departmentCode, Uri url, string secretProtected, string setBy, DateTime setAt)
    {
        DepartmentCode = departmentCode;
        Url = url.AbsoluteUri;
        SecretProtected = secretProtected;
        IsActive = true;
        SetBy = setBy;
        SetAt = setAt;
    }

    public string DepartmentCode { get; private set; }

    public string Url { get; private set; }

    /// <summary>The shared secret, encrypted with data protection (<see cref="WebhookSecret.Purpose"/>).</summary>
    public string SecretProtected { get; private set; }

    public bool IsActive { get; private set; }

    public string SetBy { get; private set; }

    public DateTime SetAt { get; private set; }

    public void Point(Uri url, string by, DateTime at)
    {
        Url = url.AbsoluteUri;
        IsActive = true;
        Stamp(by, at);
    }

    public void Rotate(string secretProtected, string by, DateTime at)
    {
        SecretProtected = secretProtected;
        Stamp(by, at);
    }

    public void Disable(string by, DateTime at)
    {
        IsActive = false;
        Stamp(by, at);
    }

    /// <summary>
    /// An address the platform will post to: absolute http or https with a host, no user name or password (they would
    /// show on pages and in the audit trail), no fragment.
    /// </summary>
    public static (Uri? Url, string? Reason) CheckUrl(string? input)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (null, "请填写接收地址。");
        }

        if (text.Length > MaxUrlLength)
        {
            return (null, $"接收地址不超过{MaxUrlLength}个字符。");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.Host)))
        {
            return (null, $"“{text}”不是完整的网址，应形如 https://example.gov.cn/zhengzhao/webhook。");
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return (null, $"接收地址只能以 http:// 或 https:// 开头，输入为“{url.Scheme}:”。");
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return (null, "接收地址中不能包含用户名或密码。");
        }

        if (!string.IsNullOrEmpty(url.Fragment))
        {
            return (null, "接收地址中不能包含“#”片段。");
        }

        return (url, null);
    }

    private void Stamp(string by, DateTime at)
    {
        SetBy = by;
        SetAt = at;
    }
}
