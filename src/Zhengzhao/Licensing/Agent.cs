using Zhengzhao.Common;
using Zhengzhao.Registry;

namespace Zhengzhao.Licensing;

/// <summary>The identity documents a window clerk checks on the person who comes for a company.</summary>
public enum IdentityDocumentKind
{
    /// <summary>居民身份证.</summary>
    ResidentIdCard,

    /// <summary>护照.</summary>
    Passport,

    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacaoPermit,

    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,

    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentCard,
}

/// <summary>
/// 代办人: who came to the window for the company, the document the clerk checked (its number kept encrypted, like the
/// register's identity numbers, and shown masked), whether that person is the company's legal representative as the
/// register has it, and otherwise the power of attorney (授权委托书) the company gave, as one of its uploads.
/// </summary>
public sealed record Agent(string Name, IdentityDocumentKind DocumentKind, string DocumentNumberProtected, string DocumentNumberMasked, bool IsLegalRepresentative, Guid? PowerOfAttorney);

/// <summary>The agent as the clerk entered it, before it is checked.</summary>
public sealed record AgentInput(string? Name, string? DocumentKind, string? DocumentNumber, Guid? PowerOfAttorney);

/// <summary>What an agent's particulars must be: present, within their lengths, and a resident ID number a valid one.</summary>
public static class AgentRules
{
    public const int MaxNameLength = 50;

    public const int MaxDocumentNumberLength = 30;

    /// <summary>The data-protection purpose the document number is encrypted under.</summary>
    public const string NumberPurpose = "Zhengzhao.Licensing.AgentDocumentNumber";

    public static string Name(IdentityDocumentKind kind) => kind switch
    {
        IdentityDocumentKind.ResidentIdCard => "居民身份证",
        IdentityDocumentKind.Passport => "护照",
        IdentityDocumentKind.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdentityDocumentKind.TaiwanPermit => "台湾居民来往大陆通行证",
        _ => "外国人永久居留身份证",
    };

    /// <summary>The agent's name, document kind and normalised number, or every reason they are not acceptable.</summary>
    public static Result<(string Name, IdentityDocumentKind Kind, string Number)> Check(AgentInput? input)
    {
        var errors = new FieldErrors();
        if (input is null)
        {
            errors.Add("agent", "窗口代办须登记代办人：姓名、查验的身份证件及号码；代办人不是法定代表人的，还须上传授权委托书。");
            return Invalid(errors);
        }

        var name = errors.Text("agent.name", input.Name, MaxNameLength, "代办人姓名");
        var kind = Enum.TryParse<IdentityDocumentKind>(input.DocumentKind?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (IdentityDocumentKind?)null;
        if (kind is null)
        {
            errors.Add("agent.documentKind", $"请选择代办人的身份证件类型：{string.Join("、", Enum.GetValues<IdentityDocumentKind>().Select(k => $"{Name(k)}（{k}）"))}。");
        }

        var number = Uscc.Normalise(input.DocumentNumber);
        if (kind == IdentityDocumentKind.ResidentIdCard)
        {
            var (valid, reason) = IdentityNumber.Check(number);
            if (valid is null)
            {
                errors.Add("agent.documentNumber", $"代办人{reason}");
            }
        }
        else
        {
            number = errors.Text("agent.documentNumber", number, MaxDocumentNumberLength, "代办人证件号码");
        }

        return kind is { } k && !errors.Any ? (name, k, number) : Invalid(errors);
    }

    public static Refusal Invalid(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Refusal("licensing/invalid-agent", "代办人信息有误");
    }
}
