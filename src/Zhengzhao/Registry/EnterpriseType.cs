namespace Zhengzhao.Registry;

/// <summary>The kinds of market entity the registry holds (市场主体类型).</summary>
public enum EnterpriseType
{
    /// <summary>内资企业.</summary>
    DomesticCompany,

    /// <summary>外商投资企业.</summary>
    ForeignInvested,

    /// <summary>个体工商户.</summary>
    IndividualBusiness,

    /// <summary>农民专业合作社.</summary>
    Cooperative,
}

public static class EnterpriseTypes
{
    public static string Name(EnterpriseType type) => type switch
    {
        EnterpriseType.DomesticCompany => "内资企业",
        EnterpriseType.ForeignInvested => "外商投资企业",
        EnterpriseType.IndividualBusiness => "个体工商户",
        EnterpriseType.Cooperative => "农民专业合作社",
        _ => type.ToString(),
    };
}
