using Xunit.Abstractions;
using Xunit.Sdk;

namespace JourneyOrg.Tests.Storage;

/// <summary>
/// A <see cref="FactAttribute"/> for the store contract: the test is skipped when the concrete test class says its
/// backend is not available (<see cref="IStoreAvailability"/>). xunit 2 cannot skip from inside a running test, and
/// the contract's tests are inherited, so the decision is made per test class at discovery.
/// </summary>
[XunitTestCaseDiscoverer("JourneyOrg.Tests.Storage.StoreFactDiscoverer", "JourneyOrg.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Implemented (statically) by a store test class whose backend may be absent.</summary>
public interface IStoreAvailability
{
    /// <summary>Null when the backend can be tested; otherwise why not.</summary>
    static abstract string? SkipReason { get; }
}

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new StoreTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}

public sealed class StoreTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreTestCase() { }

    public StoreTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(sink, display, options, testMethod) { }

    protected override string? GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = TestMethod.TestClass.Class.ToRuntimeType();
        var availability = type?.GetInterfaces().FirstOrDefault(i => i == typeof(IStoreAvailability));
        if (availability is null) return base.GetSkipReason(factAttribute);
        var property = type!.GetProperty(nameof(IStoreAvailability.SkipReason),
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        return property?.GetValue(null) as string ?? base.GetSkipReason(factAttribute);
    }
}
