using QRCoder;

namespace Zhengzhao.Web.Hosting;

/// <summary>The permit's QR code: its verification link as inline SVG, sharp in print at any size.</summary>
public static class PermitQr
{
    /// <summary>The public address of the verification page for a token, on the host the request came to.</summary>
    public static string VerificationUrl(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/Verify/{token}";
    }

    public static string Svg(string url)
    {
        // Level M survives a fold or a smudge on a printed permit and keeps the symbol small enough for a corner.
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(160, 160), drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
