namespace OrleansTilsyn.Contracts.Grains;

/// <summary>
/// The part of an Orleans grain interface (the chief's) that keeps <see cref="IInboxObserver"/>s: a subscription
/// lasts until it expires (minutes, the silo's setting) unless renewed by subscribing again.
/// </summary>
public interface IInboxObservable
{
    /// <summary>
    /// Subscribes, or renews the subscription of, <paramref name="observer"/>. Answers true for a renewal and false for a
    /// new subscription: after a lapse (expiry, or a new activation of the grain) changes may have been missed. Refused
    /// with a <see cref="Results.ProblemException"/> (failed precondition) when the grain has as many observers as it keeps.
    /// </summary>
    Task<bool> SubscribeAsync(IInboxObserver observer);

    Task UnsubscribeAsync(IInboxObserver observer);
}
