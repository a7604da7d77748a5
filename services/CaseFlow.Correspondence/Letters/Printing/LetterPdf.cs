using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CaseFlow.Correspondence.Letters.Printing;

/// <summary>What a printed letter shows, already as the caller may see it.</summary>
public sealed record PrintableLetter(
    string RegisterNumber, string CenterName, DateOnly? SentOn, string AgencyName, string Subject, string Body);

/// <summary>
/// A letter as an A4 PDF, with PDFsharp 6.2.4 (MIT). The font is DejaVu Sans, embedded in this assembly (its licence
/// allows it), so Cyrillic prints the same on any machine, with or without fonts installed.
/// </summary>
public static class LetterPdf
{
    private const string Family = "DejaVu Sans";
    private const double Margin = 56, LineHeight = 15;
    private static readonly Lazy<bool> fonts = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
        return true;
    });

    public static byte[] Render(PrintableLetter letter)
    {
        _ = fonts.Value;
        using var document = new PdfDocument();
        document.Info.Title = $"{letter.RegisterNumber} {letter.Subject}".Trim();
        document.Info.Subject = letter.RegisterNumber;
        document.Info.Creator = "CaseFlow";
        var regular = new XFont(Family, 11);
        var heading = new XFont(Family, 13);
        var writer = new PageWriter(document);
        writer.Line(letter.CenterName, regular);
        writer.Line($"№ {(letter.RegisterNumber.Length > 0 ? letter.RegisterNumber : "—")}" +
            (letter.SentOn is { } day ? $"   {day:dd.MM.yyyy}" : ""), regular);
        writer.Gap();
        writer.Line(letter.AgencyName, regular);
        writer.Gap();
        writer.Paragraph(letter.Subject, heading);
        writer.Gap();
        foreach (var paragraph in letter.Body.Replace("\r", "").Split('\n')) writer.Paragraph(paragraph, regular);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? graphics;
        private PdfPage? page;
        private double y;

        public void Gap() => y += LineHeight;

        public void Line(string text, XFont font)
        {
            if (graphics is null || y + LineHeight > page!.Height.Point - Margin) NewPage();
            graphics!.DrawString(text, font, XBrushes.Black, new XRect(Margin, y, page!.Width.Point - 2 * Margin, LineHeight), XStringFormats.TopLeft);
            y += LineHeight;
        }

        /// <summary>Wrapped at word boundaries to the page's width.</summary>
        public void Paragraph(string text, XFont font)
        {
            if (graphics is null) NewPage();
            var width = page!.Width.Point - 2 * Margin;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && graphics!.MeasureString(candidate, font).Width > width)
                {
                    Line(line, font);
                    line = word;
                }
                else line = candidate;
            }
            Line(line, font);
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
        }
    }

    private sealed class EmbeddedFonts : IFontResolver
    {
        private static readonly Lazy<byte[]> regular = new(() =>
        {
            using var stream = typeof(LetterPdf).Assembly.GetManifestResourceStream("fonts/DejaVuSans.ttf")!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });

        // One face for everything: bold and italic are simulated by PDFsharp.
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new("DejaVuSans", bold, italic);

        public byte[]? GetFont(string faceName) => regular.Value;
    }
}
