using CaseFlow.Reunification.Files;
using CaseFlow.Reunification.Files.Opening;
using CaseFlow.Reunification.Flights;
using CaseFlow.Reunification.Messaging;
using CaseFlow.ServiceDefaults.Audit;
using CaseFlow.ServiceDefaults.Privacy;
using JasperFx.Events;

namespace CaseFlow.Reunification.Tests;

/// <summary>Histories to start from: a file or a flight is whatever its events made it, folded as the service folds them.</summary>
public static class Given
{
    public static readonly Guid CaseId = Guid.Parse("0197a000-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset At = DateTimeOffset.Parse("2020-06-01T09:00:00Z");

    public static ReunificationFile File(params object[] events) =>
        Fold<ReunificationFile>([new CaseFileOpened(CaseId, "kara-suu", At.AddDays(-80)), .. events]);

    public static ReunificationOpened Separated(bool minor = true, string memberId = "son-1") => new(CaseId, "kara-suu", memberId,
        memberId.Split('-')[0], minor, minor ? "child" : "adult", "Russia", DateOnly.Parse("2020-03-16"), At.AddDays(-70));

    /// <summary>Facts of one member's track, as a decision on that track stamps them.</summary>
    public static object[] OnTrack(string memberId, params object[] facts) =>
        facts.Select(f => f is ITrackFact fact ? fact.On(memberId) : f).ToArray();

    /// <summary>A second separated child (a daughter in Yekaterinburg), ready to travel with the escort named.</summary>
    public static object[] ReadyChild(string memberId, string escort = "escort") =>
    [
        Separated(memberId: memberId), .. OnTrack(memberId, Plan(), new TravelConsentRecorded(CaseId, Applicants("mother"), null, At),
            new DocumentReady(CaseId, DocumentKinds.TravelDocument, null, At), new EscortAssigned(CaseId, Escorts(escort), null, At)),
    ];

    /// <summary>Personal text of the case's applicant, as a decision seals it.</summary>
    public static Sealed<string> Applicants(string text) => Sealed.For(Subjects.Applicant(CaseId), text);

    public static Sealed<string> Escorts(string name) => Sealed.For(Subjects.Escort(CaseId), name);

    public static PlanChosen Plan(string plan = ReunificationPlans.ChildTravelsToParent) => new(CaseId, "kara-suu", plan, Applicants("because"), At);

    public static object[] ReadyChild() =>
    [
        Separated(), Plan(), new TravelConsentRecorded(CaseId, Applicants("mother"), null, At), new DocumentReady(CaseId, DocumentKinds.TravelDocument, null, At),
        new EscortAssigned(CaseId, Escorts("escort"), null, At),
    ];

    public static Flight Flight(int capacity = 2, string number = "KG-1", string date = "2020-07-04", Guid? id = null) =>
        Fold<Flight>([new FlightScheduled(id ?? Guid.NewGuid(), number, "Moscow", "Osh", DateOnly.Parse(date), capacity, At)]);

    public static Traveller Traveller(string priority = Priorities.Normal, int minutes = 0, Guid? caseId = null) =>
        new(caseId ?? Guid.NewGuid(), "kara-suu", "member:son-1", false, null, priority, At.AddMinutes(minutes));

    public static Flight With(this Flight flight, params object[] events) => Fold(events, flight);

    public static Flight Seated(this Flight flight, Traveller t) => flight.With(new FlightSeatAllocated(flight.Id, t, false, At));

    public static Flight Waiting(this Flight flight, Traveller t) => flight.With(new PassengerWaitlisted(flight.Id, t, At));

    /// <summary>The integration event a committed fact of the file goes out as (null: not published).</summary>
    public static object? Published<TEvent>(TEvent fact) where TEvent : notnull =>
        new ReunificationPublishes().ToMessage(new Event<TEvent>(fact) { StreamId = CaseId });

    // Strict: an event the state has no Create/Apply for fails the test instead of being skipped.
    private static TState Fold<TState>(IEnumerable<object> events, TState? state = null) where TState : class =>
        events.Aggregate(state, (s, e) => StateFolder.Evolve(s, e))!;
}
