using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SelfService.KnowledgeBase.Tests;

[TestFixture]
public sealed class KnowledgeBaseServiceCollectionExtensionsTests
{
    [Test]
    public void AddKnowledgeBase_RegistersEveryServiceAsSingleton()
    {
        var services = new ServiceCollection().AddKnowledgeBase();

        Assert.Multiple(() =>
        {
            foreach (var type in new[] { typeof(IKnowledgeSearch), typeof(LuceneKnowledgeSearch), typeof(IKnowledgeIndex), typeof(ArticleService), typeof(KnowledgeBaseImporter), typeof(KnowledgeBaseExporter) })
            {
                Assert.That(services.Where(d => d.ServiceType == type).Select(d => d.Lifetime), Is.EqualTo(new[] { ServiceLifetime.Singleton }), type.Name);
            }
        });
    }

    [Test]
    public void AddKnowledgeBase_SearchAndIndex_ResolveToTheOneSearchInstance()
    {
        var services = new ServiceCollection().AddKnowledgeBase();
        using var search = new LuceneKnowledgeSearch(Options.Create(new KnowledgeBaseOptions()));
        var provider = new SingleServiceProvider(typeof(LuceneKnowledgeSearch), search);

        var asSearch = services.Single(d => d.ServiceType == typeof(IKnowledgeSearch)).ImplementationFactory!(provider);
        var asIndex = services.Single(d => d.ServiceType == typeof(IKnowledgeIndex)).ImplementationFactory!(provider);

        Assert.Multiple(() =>
        {
            Assert.That(asSearch, Is.SameAs(search));
            Assert.That(asIndex, Is.SameAs(search));
        });
    }

    [Test]
    public void AddKnowledgeBase_FillsSearchFromTheStoreWhenTheHostStarts()
    {
        var services = new ServiceCollection().AddKnowledgeBase();

        Assert.That(services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType),
            Is.EqualTo(new[] { typeof(KnowledgeSearchLoading) }));
    }

    [Test]
    public void AddKnowledgeBase_Configure_IsAppliedToTheOptions()
    {
        var services = new ServiceCollection().AddKnowledgeBase(o => o.MinimumScore = 0.7);

        var options = new KnowledgeBaseOptions();
        foreach (var configure in services.Where(d => d.ServiceType == typeof(IConfigureOptions<KnowledgeBaseOptions>)).Select(d => d.ImplementationInstance).OfType<IConfigureOptions<KnowledgeBaseOptions>>())
        {
            configure.Configure(options);
        }

        Assert.That(options.MinimumScore, Is.EqualTo(0.7));
    }

    [TestCase(1.5, 3, false)]
    [TestCase(0.5, 0, false)]
    [TestCase(0.5, 3, true)]
    public void AddKnowledgeBase_Validation_RejectsOutOfRangeOptions(double minimumScore, int maxResults, bool valid)
    {
        var services = new ServiceCollection().AddKnowledgeBase();
        var options = new KnowledgeBaseOptions { MinimumScore = minimumScore, MaxResults = maxResults };

        var results = services.Where(d => d.ServiceType == typeof(IValidateOptions<KnowledgeBaseOptions>))
            .Select(d => d.ImplementationInstance)
            .OfType<IValidateOptions<KnowledgeBaseOptions>>()
            .Select(v => v.Validate(Options.DefaultName, options))
            .ToList();

        Assert.That(results.All(r => !r.Failed), Is.EqualTo(valid));
    }

    private sealed class SingleServiceProvider(Type type, object instance) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == type ? instance : null;
    }
}
