using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// The answer to an /api request no endpoint took. Routing leaves a request to the /api fallback (which takes every
/// method and media type) whenever the method, the media type or a route constraint does not fit; this tells those
/// apart again: a wrong method is 405 with <c>Allow</c>, a wrong media type 415, a malformed route value ("abc" where
/// a GUID belongs) 400 naming it, and only an address no endpoint has is 404.
/// </summary>
public sealed class UnmatchedApiRequests(EndpointDataSource endpoints, IInlineConstraintResolver constraints)
{
    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.OrdinalIgnoreCase) && !raw.Contains("{*", StringComparison.Ordinal))
            .Select(e => new Route(e, new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new(e.RoutePattern.Defaults)))),
    ]);

    public IResult Answer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var matched = _routes.Value
            .Select(r => (Route: r, Values: new RouteValueDictionary()))
            .Where(m => m.Route.Matcher.TryMatch(request.Path, m.Values))
            .ToList();
        if (matched.Count == 0)
        {
            return Problem(StatusCodes.Status404NotFound, "没有这个接口，请查阅 /api/docs 中的接口说明。");
        }

        // The method is judged first: a method the address never takes is wrong whatever the route values are, so
        // DELETE on /applications/xyz is 405, not 400 for "xyz". Allow lists the methods of the routes the values fit,
        // or of every route of the address when they fit none.
        var fitting = matched.Where(m => Malformed(context, m.Route.Endpoint, m.Values) is null).ToList();
        var taking = matched.Where(m => Methods(m.Route.Endpoint).Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (taking.Count == 0)
        {
            var methods = (fitting.Count > 0 ? fitting : matched).SelectMany(m => Methods(m.Route.Endpoint)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            context.Response.Headers.Allow = string.Join(", ", methods);
            return Problem(StatusCodes.Status405MethodNotAllowed, $"该接口不支持 {Problems.Quote(request.Method)} 方法，支持：{string.Join("、", methods)}。");
        }

        if (!taking.Exists(fitting.Contains))
        {
            var (name, expected) = Malformed(context, taking[0].Route.Endpoint, taking[0].Values)!.Value;
            return Problem(StatusCodes.Status400BadRequest, $"路径参数 {name} 应为{expected}。", name);
        }

        var accepted = taking.Where(fitting.Contains).Select(m => m.Route.Endpoint).SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return accepted.Count == 0
            ? Problem(StatusCodes.Status404NotFound, "没有这个接口，请查阅 /api/docs 中的接口说明。")
            : Problem(StatusCodes.Status415UnsupportedMediaType, $"请求体应为 {string.Join(" 或 ", accepted)}，收到的内容类型为“{Problems.Quote(request.ContentType ?? string.Empty)}”。");
    }

    private static IReadOnlyList<string> Methods(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];

    /// <summary>The first route value that breaks its constraint, with what the constraint expects.</summary>
    private (string Name, string Expected)? Malformed(HttpContext context, RouteEndpoint endpoint, RouteValueDictionary values)
    {
        foreach (var (name, policies) in endpoint.RoutePattern.ParameterPolicies)
        {
            foreach (var policy in policies.Where(p => p.Content is not null))
            {
                if (constraints.ResolveConstraint(policy.Content!) is { } constraint && !constraint.Match(context, null, name, values, RouteDirection.IncomingRequest))
                {
                    return (name, policy.Content switch
                    {
                        "guid" => " GUID（如 3fa85f64-5717-4562-b3fc-2c963f66afa6）",
                        "int" or "long" => "整数",
                        "bool" => " true 或 false",
                        _ => $"符合 {policy.Content} 的值",
                    });
                }
            }
        }

        return null;
    }

    private static IResult Problem(int status, string detail, string? field = null) => field is null
        ? Results.Problem(statusCode: status, detail: detail)
        : Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, statusCode: status, detail: detail);

    private sealed record Route(RouteEndpoint Endpoint, TemplateMatcher Matcher);
}
