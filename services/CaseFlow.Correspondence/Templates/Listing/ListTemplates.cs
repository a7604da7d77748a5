using CaseFlow.Correspondence.Api.V1;

namespace CaseFlow.Correspondence.Templates.Listing;

public sealed class ListTemplatesHandler(TemplateLibrary library)
{
    public ListTemplatesResponse Handle(ListTemplatesRequest request) => new()
    {
        Templates =
        {
            library.Templates
                .Where(t => string.IsNullOrWhiteSpace(request.Language) || t.Language == request.Language.Trim())
                .Where(t => string.IsNullOrWhiteSpace(request.Kind) || t.Kind == request.Kind.Trim())
                .Select(t => new Api.V1.LetterTemplate
                {
                    TemplateId = t.Id, Language = t.Language, Kind = t.Kind, Title = t.Title,
                    Placeholders = { t.Parse().Placeholders }, Subject = t.Subject, Body = t.Body,
                }),
        },
    };
}
