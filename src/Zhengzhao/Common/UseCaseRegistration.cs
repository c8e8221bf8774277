using Microsoft.Extensions.DependencyInjection;

namespace Zhengzhao.Common;

public static class UseCaseRegistration
{
    /// <summary>Registers every use case of the core as scoped, the lifetime of the DbContext it takes.</summary>
    public static IServiceCollection AddZhengzhaoUseCases(this IServiceCollection services)
    {
        var useCases = typeof(IUseCase).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t));
        foreach (var type in useCases)
        {
            services.AddScoped(type);
        }

        return services;
    }
}
