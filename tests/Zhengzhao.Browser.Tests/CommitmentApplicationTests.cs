using Microsoft.Playwright;
using Zhengzhao.Identity;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Browser.Tests;

/// <summary>
/// The notice-and-commitment route in a browser: the applicant files 出版物零售业务经营许可 (SL-010, decided on the
/// spot), signs the commitment letter, gets the permit at once, and anyone verifies it through its QR link. Then the
/// department's verification (核查) finds the commitment false: the same link shows the permit revoked, and the
/// applicant is told in its messages.
/// </summary>
public sealed class CommitmentApplicationTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task An_applicant_signs_the_commitment_gets_the_permit_on_the_spot_and_it_verifies_by_its_QR_link()
    {
        var applicant = await host.NewPageAsync();
        await applicant.GotoAsync("/Account/Login");
        await applicant.GetByLabel("用户名").FillAsync(await host.Factory.ReadyDemoAccountAsync(Roles.Applicant));
        await applicant.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await applicant.GotoAsync("/Licensing/New");
        await applicant.GetByLabel("许可事项").SelectOptionAsync("SL-010");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        var form = applicant.GetByTestId("file-form");
        var files = form.Locator("input[type=file]");
        for (var i = 0; i < await files.CountAsync() - 1; i++)
        {
            await files.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"材料{i + 1}.pdf", MimeType = "application/pdf", Buffer = Pdf });
        }

        await Assertions.Expect(applicant.GetByTestId("commitment-letter")).Not.ToBeEmptyAsync();
        await form.GetByLabel("告知承诺（签署承诺书，当场受理）").CheckAsync();
        await form.GetByLabel("承诺人签署（选择告知承诺时填写姓名）").FillAsync("扎西");
        await form.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        await Assertions.Expect(applicant.GetByTestId("state")).ToHaveTextAsync("准予许可");
        await Assertions.Expect(applicant.GetByTestId("decision")).ToContainTextAsync("告知承诺当场办结");
        await applicant.GetByTestId("permit-link").ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("permit-state")).ToHaveTextAsync("有效");
        var number = await applicant.GetByTestId("permit-number").InnerTextAsync();
        var link = await applicant.GetByTestId("verify-link").GetAttributeAsync("href");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync(link!);
        await Assertions.Expect(visitor.GetByTestId("verified-state")).ToContainTextAsync("有效");
        await Assertions.Expect(visitor.GetByTestId("verification")).ToContainTextAsync(number);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "commitment-permit-verified.png"), FullPage = true });

        var approver = await host.NewPageAsync();
        await approver.GotoAsync("/Account/Login");
        await approver.GetByLabel("用户名").FillAsync(await host.Factory.ReadyDemoAccountAsync(Roles.Approver));
        await approver.GetByLabel("密码").FillAsync(ZhengzhaoFactory.TestPassword);
        await approver.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await approver.GotoAsync("/Licensing/Verifications");
        await approver.GetByTestId("verifications-open").Locator("tr", new() { HasText = number }).GetByRole(AriaRole.Link, new() { Name = "核查" }).ClickAsync();
        await approver.GetByLabel("不实（撤销证照，记为虚假承诺）").CheckAsync();
        await approver.GetByLabel("核查记录（核查的内容和发现；不实的写明不实之处）").FillAsync("现场核查：承诺的经营场所不存在");
        await approver.GetByLabel("附件（照片、记录表，PDF/JPG/PNG）").SetInputFilesAsync(new FilePayload { Name = "现场照片.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await approver.GetByRole(AriaRole.Button, new() { Name = "提交结论" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("outcome")).ToContainTextAsync("不实");

        await visitor.GotoAsync(link!);
        await Assertions.Expect(visitor.GetByTestId("verified-state")).ToContainTextAsync("已撤销");
        await applicant.GotoAsync("/Messages");
        await Assertions.Expect(applicant.GetByTestId("messages")).ToContainTextAsync("告知承诺核查：不实");
        await Assertions.Expect(applicant.GetByTestId("messages-link")).ToContainTextAsync("消息");
    }
}
