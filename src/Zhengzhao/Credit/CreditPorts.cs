using Microsoft.Extensions.DependencyInjection;
using Zhengzhao.Licensing;
using Zhengzhao.Licensing.Verifications;
using Zhengzhao.Registry;

namespace Zhengzhao.Credit;

/// <summary>
/// The questions other modules ask Credit through interfaces they own, so that they need not depend on Credit:
/// the register asks whether a legal representative is barred, a filing what the joint discipline bars it from, and a
/// verification records a false commitment.
/// </summary>
public static class CreditPorts
{
    public static IServiceCollection AddCreditPorts(this IServiceCollection services) =>
        services.AddScoped<IRepresentativeBar>(sp => sp.GetRequiredService<JointDiscipline>())
            .AddScoped<IFilingDiscipline, DisciplineOnFiling>()
            .AddScoped<IRecordCommitmentBreach, RecordCommitmentBreach>();
}
