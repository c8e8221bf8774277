using QRCoder;

namespace Zhengzhao.Web.Hosting;

/// <summary>
/// Where a permit's QR code points: the verification page at <c>Licensing:PublicBaseUrl</c> when set (the address the
/// public reaches, whatever proxy the request came through), else on the host the request came to.
/// </summary>
public sealed class PermitLinks(IConfiguration configuration)
{
    private readonly string? _publicBase = configuration["Licensing:PublicBaseUrl"]?.TrimEnd('/');

    public string VerificationUrl(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = string.IsNullOrWhiteSpace(_publicBase) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : _publicBase;
        return $"{root}/Verify/{token}";
    }
}

/// <summary>The permit's QR code: its verification link as inline SVG, sharp in print at any size.</summary>
public static class PermitQr
{
    public static string Svg(string url)
    {
        // Level M survives a fold or a smudge on a printed permit and keeps the symbol small enough for a corner.
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(160, 160), drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
