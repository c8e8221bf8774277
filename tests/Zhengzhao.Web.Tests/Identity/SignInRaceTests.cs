using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zhengzhao.Web.Tests.Infrastructure;

namespace Zhengzhao.Web.Tests.Identity;

/// <summary>
/// Walk 15b E5: sign-ins arriving together from one address race to write the address's first counter. The race is
/// expected and settled by the loser counting on the winner's row, so the operator's log shows no failure for it.
/// </summary>
public sealed class SignInRaceTests(LoggedFactory factory) : IClassFixture<LoggedFactory>
{
    [Fact]
    public async Task Sign_ins_from_one_address_at_the_same_moment_log_no_database_failure()
    {
        // Starting the host migrates a fresh database, whose first look for the history table EF logs as failed.
        _ = factory.Services;
        factory.ForgetErrors();

        for (var round = 0; round < 8; round++)
        {
            var address = $"10.8.{round}.1";
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                factory.ClientAt(address).PostAsJsonAsync("/api/v1/identity/token", new { userName = $"race-{round}-{i}", password = "Wrong-password-1" })));

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"{a.StatusCode}"));
        }

        Assert.True(!factory.Errors.Any(e => e.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)), string.Join("\n", factory.Errors));
    }
}

/// <summary>A factory whose requests say their address and whose log keeps every error written.</summary>
public sealed class LoggedFactory : ZhengzhaoFactory
{
    private readonly ErrorLog _log = new();

    public IReadOnlyCollection<string> Errors => _log.Entries;

    public void ForgetErrors() => _log.Entries.Clear();

    public HttpClient ClientAt(string address)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(PeerAddress.Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerAddress.Enable(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(_log)));
    }

    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    entries.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
