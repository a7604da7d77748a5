using Fluid;
using Fluid.Ast;

namespace CaseFlow.Correspondence.Templates;

/// <summary>Collects the values a template reads (e.g. applicant.name), leaving out its own loop and assigned variables.</summary>
internal sealed class PlaceholderFinder : AstVisitor
{
    private readonly HashSet<string> paths = [];
    private readonly HashSet<string> locals = ["forloop", "tablerowloop"];

    public static IReadOnlyList<string> Find(IFluidTemplate template)
    {
        var finder = new PlaceholderFinder();
        finder.VisitTemplate(template);
        return finder.paths.Where(p => !finder.locals.Contains(p.Split('.')[0])).Order().ToList();
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var names = memberExpression.Segments.TakeWhile(s => s is IdentifierSegment).Cast<IdentifierSegment>()
            .Select(s => s.Identifier).ToList();
        if (names.Count > 0) paths.Add(string.Join('.', names));
        return base.VisitMemberExpression(memberExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        locals.Add(assignStatement.Identifier);
        return base.VisitAssignStatement(assignStatement);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        locals.Add(captureStatement.Identifier);
        return base.VisitCaptureStatement(captureStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        locals.Add(forStatement.Identifier);
        return base.VisitForStatement(forStatement);
    }
}
