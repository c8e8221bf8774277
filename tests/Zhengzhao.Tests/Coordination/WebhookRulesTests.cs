using Zhengzhao.Coordination.Webhooks;

namespace Zhengzhao.Tests.Coordination;

public sealed class WebhookRulesTests
{
    private const string Secret = "3f6c2a9d8e1b4c7f0a5d2e8b9c1f4a7d6e3b0c9f2a5d8e1b4c7f0a3d6e9b2c5f";

    [Fact]
    public void The_signature_is_the_hmac_sha256_of_timestamp_dot_body_keyed_with_the_secret_as_shown()
    {
        // Computed independently: printf '%s' '1795658400.{…}' | openssl dgst -sha256 -hmac '<secret>' (operations.md).
        var signature = WebhookSecret.Sign(Secret, 1795658400, """{"id":"019ac2b1-7a00-7000-8000-000000000001","event":"push.created"}""");

        Assert.Equal("sha256=96fa45899d8cd0ca4c4925d961e65c9060347db88a8ff98bc2e979167a59810f", signature);
    }

    [Fact]
    public void A_different_timestamp_body_or_secret_gives_a_different_signature()
    {
        var body = """{"data":"拉萨"}""";
        var signature = WebhookSecret.Sign(Secret, 1795658400, body);

        Assert.NotEqual(signature, WebhookSecret.Sign(Secret, 1795658401, body));
        Assert.NotEqual(signature, WebhookSecret.Sign(Secret, 1795658400, """{"data":"日喀则"}"""));
        Assert.NotEqual(signature, WebhookSecret.Sign(WebhookSecret.Generate(), 1795658400, body));
    }

    [Fact]
    public void A_secret_is_32_random_bytes_in_lowercase_hex()
    {
        var first = WebhookSecret.Generate();

        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.NotEqual(first, WebhookSecret.Generate());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(8, 60)]
    [InlineData(40, 60)]
    public void Retries_double_from_one_minute_up_to_an_hour(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), WebhookRetry.Delay(failures, jitter: 0));
    }

    [Theory]
    [InlineData(1, 0.5, 63)]
    [InlineData(3, 0.5, 252)]
    [InlineData(7, 0.5, 3780)]
    public void Jitter_stretches_a_wait_by_up_to_a_tenth(int failures, double jitter, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookRetry.Delay(failures, jitter));
        Assert.InRange(WebhookRetry.Delay(failures, 0.999999), WebhookRetry.Delay(failures, 0), WebhookRetry.Delay(failures, 0) * 1.1);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1, -0.1)]
    public void A_wait_before_any_failure_or_a_jitter_outside_zero_to_one_is_a_bug(int failures, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookRetry.Delay(failures, jitter));
    }

    [Fact]
    public void A_message_failing_eight_times_is_dead_after_the_schedule_and_a_resend_starts_it_over()
    {
        var created = new DateTime(2026, 11, 26, 2, 0, 0, DateTimeKind.Utc);
        var message = new OutboundMessage(Guid.CreateVersion7(), "XZ-SWT", PushCreated.EventType, "{}", created);
        var at = created;
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            message.Failed(500, "HTTP 500：" + new string('错', 300), at, maxAttempts: 8, jitter: 0);
            if (message.State == DeliveryState.Failing)
            {
                waits.Add(message.NextAttemptAt - at);
                at = message.NextAttemptAt;
            }
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60], waits.Select(w => w.TotalMinutes));
        Assert.Equal(DeliveryState.Dead, message.State);
        Assert.Equal(at, message.DeadAt);
        Assert.Equal(OutboundMessage.MaxErrorLength, message.LastError!.Length);

        var later = at.AddDays(1);
        Assert.True(message.Resend(later).IsSuccess);
        Assert.Equal((DeliveryState.Pending, 0, later), (message.State, message.Attempts, message.NextAttemptAt));
        Assert.False(message.Resend(later).IsSuccess);
    }

    [Theory]
    [InlineData("https://swt.xizang.gov.cn/zhengzhao/hook", null)]
    [InlineData("  http://10.0.0.5:8080/hook?dept=swt  ", null)]
    [InlineData("", "请填写接收地址")]
    [InlineData("swt.xizang.gov.cn/hook", "不是完整的网址")]
    [InlineData("ftp://swt.xizang.gov.cn/hook", "只能以 http:// 或 https:// 开头")]
    [InlineData("file:///etc/passwd", "只能以 http:// 或 https:// 开头")]
    [InlineData("javascript:alert(1)", "只能以 http:// 或 https:// 开头")]
    [InlineData("https://user:pass@swt.xizang.gov.cn/hook", "不能包含用户名或密码")]
    [InlineData("https://swt.xizang.gov.cn/hook#top", "不能包含“#”片段")]
    public void An_endpoint_address_is_absolute_http_or_https_without_credentials(string input, string? reason)
    {
        var (url, why) = WebhookEndpoint.CheckUrl(input);

        if (reason is null)
        {
            Assert.NotNull(url);
            Assert.Null(why);
        }
        else
        {
            Assert.Null(url);
            Assert.Contains(reason, why, StringComparison.Ordinal);
        }
    }
}
