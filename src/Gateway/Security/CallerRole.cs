namespace OrleansTilsyn.Gateway.Security;

/// <summary>The roles of SPEC "Roles and what they may do", as carried in the <c>tilsyn_role</c> claim.</summary>
public enum CallerRole
{
    /// <summary>Børn og Unge-chef: the units of the own portfolio.</summary>
    Chief,

    /// <summary>A unit's leader: the own unit(s).</summary>
    Leader,

    /// <summary>A board member: the own unit's status, packages and statements; a self-owned board
    /// also holds its conversations and reports its supervision.</summary>
    Board,

    /// <summary>Central staff: releases, templates, configuration, cross-unit reports.</summary>
    Administration,

    /// <summary>Health and metrics only, never meeting content.</summary>
    Operations,
}
