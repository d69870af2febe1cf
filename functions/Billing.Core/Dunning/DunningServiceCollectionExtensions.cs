using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Billing.Core.Dunning;

public static class DunningServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dunning use cases (<see cref="DunningScheduler"/>, <see cref="DunningNoticeSender"/>,
    /// <see cref="DunningHolds"/>, <see cref="DunningNoticeQuery"/>) and binds <see cref="DunningOptions"/> from the
    /// section <c>Dunning</c> and the settings <c>DUNNING_MAX_BANK_FILE_AGE</c>, <c>DUNNING_REQUIRE_BANK_FILE</c>,
    /// <c>DUNNING_GROUP_PER_ACCOUNT</c>; the built-in default policy is added unless one named <c>default</c> is configured.
    /// </summary>
    public static IServiceCollection AddDunning(this IServiceCollection services)
    {
        services.AddOptions<DunningOptions>()
            .BindConfiguration(DunningOptions.Section)
            .Configure<IConfiguration>((options, config) =>
            {
                options.MaxBankFileAgeDays = Setting(config, "DUNNING_MAX_BANK_FILE_AGE", options.MaxBankFileAgeDays, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));
                options.RequireBankFile = Setting(config, "DUNNING_REQUIRE_BANK_FILE", options.RequireBankFile, bool.Parse);
                options.GroupPerAccount = Setting(config, "DUNNING_GROUP_PER_ACCOUNT", options.GroupPerAccount, bool.Parse);
            })
            .PostConfigure(options => options.Policies.TryAdd(DunningPolicy.DefaultName, DunningPolicy.Default()))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DunningOptions>, DunningOptionsValidator>());
        services.AddSingleton<BankFileFreshnessGuard>();
        services.AddSingleton<DunningActionRunner>();
        services.AddSingleton<DunningScheduler>();
        services.AddSingleton<DunningEmailDelivery>();
        services.AddSingleton<DunningNoticeSender>();
        services.AddSingleton<DunningHolds>();
        services.AddSingleton<DunningNoticeQuery>();
        return services;
    }

    private static T Setting<T>(IConfiguration config, string key, T fallback, Func<string, T> parse)
    {
        var value = config[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        try
        {
            return parse(value.Trim());
        }
        catch (FormatException e)
        {
            throw new OptionsValidationException(DunningOptions.Section, typeof(DunningOptions), [$"{key} has the value '{value}', which is not a valid {typeof(T).Name}: {e.Message}"]);
        }
    }
}
