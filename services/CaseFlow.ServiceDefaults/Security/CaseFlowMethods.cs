using System.Reflection;
using CaseFlow.Options.V1;
using Google.Protobuf.Reflection;

namespace CaseFlow.ServiceDefaults.Security;

/// <summary>
/// One rpc of a caseflow proto and what it declares with <c>(caseflow.options.v1.access)</c>: the roles that may call
/// it, and those of them held to their own center's cases.
/// </summary>
public sealed record DeclaredMethod(MethodDescriptor Descriptor, IReadOnlyList<string> Roles, IReadOnlyList<string> OwnCenterOnly)
{
    /// <summary>Whether it is an export: a stream of rows under one filter, recorded in the access log once.</summary>
    public bool IsExport => Descriptor.GetOptions()?.GetExtension(OptionsExtensions.Access) is { Export: true };

    /// <summary>The name gRPC calls it by, e.g. <c>/caseflow.intake.v1.Intake/OpenCase</c>.</summary>
    public string GrpcName => CaseFlowMethods.GrpcName(Descriptor);

    public bool Allows(string role) => Roles.Contains(role);

    public bool HoldsToOwnCenter(string role) => OwnCenterOnly.Contains(role);
}

/// <summary>
/// Every rpc of every caseflow proto, read once from the generated descriptors (all of them compile into one contract
/// assembly, so a new proto file or rpc is found without being registered anywhere).
/// </summary>
public static class CaseFlowMethods
{
    private const string Package = "caseflow.";
    private static readonly Lazy<IReadOnlyDictionary<string, DeclaredMethod>> byGrpcName = new(Load);

    public static IReadOnlyCollection<DeclaredMethod> All => byGrpcName.Value.Values.ToList();

    /// <summary>The caseflow method of a call, or null (also for an rpc of another package: reflection, health).</summary>
    public static DeclaredMethod? Find(string grpcName) => byGrpcName.Value.GetValueOrDefault(grpcName);

    public static bool IsCaseFlow(string grpcName) => grpcName.StartsWith("/" + Package, StringComparison.Ordinal);

    public static string GrpcName(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>The roles a method declares; empty when it declares none (and so is refused to everyone).</summary>
    public static IReadOnlyList<string> DeclaredRoles(MethodDescriptor method) => Names(AccessOf(method)?.Roles);

    /// <summary>The roles a method holds to their own center's cases; empty when it holds none.</summary>
    public static IReadOnlyList<string> DeclaredOwnCenterOnly(MethodDescriptor method) => Names(AccessOf(method)?.OwnCenterOnly);

    private static CaseFlow.Options.V1.Access? AccessOf(MethodDescriptor method) => method.GetOptions()?.GetExtension(OptionsExtensions.Access);

    private static IReadOnlyList<string> Names(IEnumerable<Role>? roles) =>
        roles?.Where(r => r != Role.Unspecified).Select(RoleName).ToList() ?? [];

    /// <summary>The token's role claim for a declared role: its proto name in lower case (OPERATOR → operator).</summary>
    public static string RoleName(Role role) => OptionsReflection.Descriptor.FindTypeByName<EnumDescriptor>("Role").FindValueByNumber((int)role).Name.ToLowerInvariant();

    private static IReadOnlyDictionary<string, DeclaredMethod> Load() =>
        typeof(OptionsReflection).Assembly.GetExportedTypes()
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!)
            .Where(file => file.Package.StartsWith(Package, StringComparison.Ordinal))
            .SelectMany(file => file.Services)
            .SelectMany(service => service.Methods)
            .Select(method => new DeclaredMethod(method, DeclaredRoles(method), DeclaredOwnCenterOnly(method)))
            .ToDictionary(method => method.GrpcName);
}
