using JourneyOrg.Domain;

namespace JourneyOrg.Tests.Web;

/// <summary>
/// A small organisation with every situation the screens explain: an owned phase, a phase inherited through a
/// sub-journey, an overlap, an unowned phase without steps, a contributing team and an unaligned team.
/// </summary>
public static class SampleWorkspace
{
    public static Workspace Create() => new(
        Journeys:
        [
            new Journey("j-home", "Own a home", null, "Everything from first viewing to paying off the mortgage.", []),
            new Journey("j-mortgage", "Get a mortgage", "j-home", "From application to completion.",
            [
                new Phase("p-apply", "Apply",
                [
                    new Step("s-form", "Fill in application", null),
                    new Step("s-verify", "Verify identity", "j-identity"),
                ]),
                new Phase("p-decide", "Decide",
                [
                    new Step("s-assess", "Assess affordability", null),
                    new Step("s-offer", "Make an offer", null),
                ]),
                new Phase("p-complete", "Complete", []),
            ]),
            new Journey("j-switch", "Switch mortgage", "j-home", "",
            [
                new Phase("p-switch-review", "Review", [new Step("s-switch-verify", "Confirm identity", "j-identity")]),
            ]),
            new Journey("j-identity", "Verify identity", null, "Reusable identity check.",
            [
                new Phase("p-id-check", "Check", [new Step("s-id-doc", "Check document", null)]),
            ]),
        ],
        People:
        [
            new Person("u-ada", "Ada Park", "ada@example.com", "Chief customer officer", "Lending", null, "r-lead", true),
            new Person("u-ben", "Ben Ortiz", "ben@example.com", "Product lead", "Lending", "u-ada", "r-lead", true),
            new Person("u-cara", "Cara Lund", null, "Engineer", "Lending", "u-ben", "r-eng", true),
            new Person("u-dev", "Dev Rao", null, "Engineer", "Lending", "u-ben", "r-eng", true),
            new Person("u-eli", "Eli Stone", null, "Underwriter", "Risk", "u-ada", null, true),
            new Person("u-fay", "Fay Chen", null, "Engineer", "Identity", "u-ada", "r-eng", true),
            new Person("u-gus", "Gus Hale", null, "Analyst", "Finance", "u-ada", null, false),
        ],
        Teams:
        [
            new Team("t-lending", "Lending", null, "u-ada", null, [new Membership("u-ada", 1.0)]),
            new Team("t-apply", "Applications", "t-lending", "u-ben", "stream-aligned",
                [new Membership("u-ben", 1.0), new Membership("u-cara", 1.0), new Membership("u-dev", 0.5)]),
            new Team("t-underwriting", "Underwriting", "t-lending", null, "stream-aligned", [new Membership("u-eli", 1.0), new Membership("u-dev", 0.5)]),
            new Team("t-identity", "Identity platform", null, "u-fay", "platform", [new Membership("u-fay", 1.0)]),
            new Team("t-reporting", "Reporting", null, null, null, [new Membership("u-gus", 1.0)]),
        ],
        Roles: [new Role("r-lead", "Product lead", "Product", "L6"), new Role("r-eng", "Engineer", "Engineering", "L4")],
        Ownership:
        [
            new Ownership("t-apply", "s-form", OwnershipKind.Accountable),
            new Ownership("t-identity", "j-identity", OwnershipKind.Accountable),
            new Ownership("t-underwriting", "p-decide", OwnershipKind.Accountable),
            new Ownership("t-apply", "s-offer", OwnershipKind.Accountable),
            new Ownership("t-underwriting", "s-offer", OwnershipKind.Accountable),
            new Ownership("t-apply", "p-decide", OwnershipKind.Contributing),
        ],
        Metrics:
        [
            new Metric("m-dropoff", "p-apply", "Drop-off", "%", 31.0, 20.0, "lower"),
            new Metric("m-nps", "s-offer", "Satisfaction", null, 72.0, 70.0, "higher"),
        ]);
}
