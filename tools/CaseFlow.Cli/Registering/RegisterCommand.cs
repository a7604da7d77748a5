using System.CommandLine;
using System.Text;
using CaseFlow.Cli.Auditing;
using CaseFlow.Correspondence.Api.V1;

namespace CaseFlow.Cli.Registering;

/// <summary>
/// <c>caseflow register list</c>: a center's letter register (numbers, dates, agencies); <c>caseflow register pdf</c>:
/// a letter printed to a file. Both call Correspondence with the caller's token (CASEFLOW_TOKEN) or a development one.
/// </summary>
public static class RegisterCommand
{
    public static Command Create() => new("register", "The centers' letter register: list it, print a letter") { List(), Pdf() };

    private static Command List()
    {
        var center = new Option<string?>("--center") { Description = "the center (an operator sees only their own)" };
        var year = new Option<int>("--year") { Description = "the register's year" };
        var direction = new Option<string?>("--direction") { Description = "outgoing or incoming" };
        var agency = new Option<string?>("--agency") { Description = "only this agency" };
        var (role, user) = Identity();
        var command = new Command("list", "List the register, in number order") { center, year, direction, agency, role, user };
        command.SetAction(async (result, ct) =>
        {
            var endpoints = ServiceEndpoints.FromEnvironment(result.GetValue(role)!, result.GetValue(user)!);
            using var channel = endpoints.Channel(endpoints.Services.Single(s => s.Name == "correspondence").Grpc);
            var client = new global::CaseFlow.Correspondence.Api.V1.Correspondence.CorrespondenceClient(channel);
            var request = new ListRegisterRequest
            {
                CenterId = result.GetValue(center) ?? "", Year = result.GetValue(year), Direction = result.GetValue(direction) ?? "",
                AgencyId = result.GetValue(agency) ?? "",
            };
            var text = new StringBuilder();
            do
            {
                var page = await client.ListRegisterAsync(request, endpoints.Authorization, cancellationToken: ct);
                foreach (var e in page.Entries)
                    text.AppendLine($"{e.RegisterNumber,-18} {e.At.ToDateTimeOffset():yyyy-MM-dd}  {e.Direction,-8}  {e.Correspondent}  {e.Reference}  {e.Subject}".TrimEnd());
                request.PageToken = page.NextPageToken;
            } while (request.PageToken.Length > 0);
            Console.Write(text.Length == 0 ? "The register has no entries for this filter.\n" : text.ToString());
            return 0;
        });
        return command;
    }

    private static Command Pdf()
    {
        var caseId = new Argument<Guid>("caseId");
        var letterId = new Argument<Guid>("letterId");
        var output = new Option<string?>("--out") { Description = "the file to write (default: the register number).pdf" };
        var (role, user) = Identity();
        var command = new Command("pdf", "Print a letter to a PDF file") { caseId, letterId, output, role, user };
        command.SetAction(async (result, ct) =>
        {
            var endpoints = ServiceEndpoints.FromEnvironment(result.GetValue(role)!, result.GetValue(user)!);
            using var channel = endpoints.Channel(endpoints.Services.Single(s => s.Name == "correspondence").Grpc);
            var printed = await new global::CaseFlow.Correspondence.Api.V1.Correspondence.CorrespondenceClient(channel).PrintLetterAsync(
                new PrintLetterRequest { CaseId = result.GetValue(caseId).ToString(), LetterId = result.GetValue(letterId).ToString() },
                endpoints.Authorization, cancellationToken: ct);
            var path = result.GetValue(output) ?? printed.FileName;
            await File.WriteAllBytesAsync(path, printed.Pdf.ToByteArray(), ct);
            Console.WriteLine($"{path}: letter {printed.RegisterNumber} ({printed.Pdf.Length} bytes)");
            return 0;
        });
        return command;
    }

    private static (Option<string> Role, Option<string> User) Identity() =>
        (new Option<string>("--role") { Description = "the role in the development token", DefaultValueFactory = _ => "supervisor" },
         new Option<string>("--user") { Description = "the user in the development token", DefaultValueFactory = _ => "coordinator" });
}
