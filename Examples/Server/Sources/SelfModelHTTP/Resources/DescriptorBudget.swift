#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the service shares the process's file descriptors (`ulimit -n`) between client
/// connections and the stores' open users, so that it never runs out: connections past
/// ``connections`` wait in the listen queue, and a store past ``openUsersPerTenant`` closes
/// its least recently used user first.
///
/// Of the limit, ``reserve(tenants:)`` stays free for what is open briefly (a snapshot being
/// written, a folder being synced, a lock file per tenant, the log); the rest is split between
/// connections (half, at most 10,000, by default) and open users (the remainder, shared evenly
/// by the tenants, at most 1,024 each, by default).
///
/// ```swift
/// let budget = try DescriptorBudget(limit: 1_024, tenants: 2)
/// budget.connections         // 448
/// budget.openUsersPerTenant  // 224
/// ```
public struct DescriptorBudget: Sendable, Hashable {
  /// The descriptor limit the budget splits.
  public let limit: Int
  /// The most client connections open at once.
  public let connections: Int
  /// The most users each tenant's store keeps open.
  public let openUsersPerTenant: Int

  /// The fewest open users a tenant's store may keep: one per store worker.
  public static let minimumOpenUsers = 4

  /// Splits `limit` for `tenants` stores; a value given is kept if it fits.
  ///
  /// - Parameters:
  ///   - limit: The descriptor limit, usually ``processLimit()``.
  ///   - tenants: How many stores the service opens.
  ///   - connections: The connection limit asked for, or `nil` for the default share.
  ///   - openUsersPerTenant: The open users per store asked for, or `nil` for the default.
  /// - Throws: ``DescriptorBudgetError`` when the limit is too low for any split, or the
  ///   values asked for do not fit in it.
  public init(
    limit: Int, tenants: Int, connections: Int? = nil, openUsersPerTenant: Int? = nil
  ) throws(DescriptorBudgetError) {
    let tenants = max(1, tenants)
    let available = limit - Self.reserve(tenants: tenants)
    let fewestUsers = Self.minimumOpenUsers * tenants
    guard available >= 1 + fewestUsers else {
      throw DescriptorBudgetError(
        limit: limit, needed: Self.reserve(tenants: tenants) + 1 + fewestUsers)
    }
    let chosenConnections = connections ?? min(10_000, max(1, (available - fewestUsers) / 2))
    let users =
      openUsersPerTenant
      ?? min(1_024, max(Self.minimumOpenUsers, (available - chosenConnections) / tenants))
    guard chosenConnections >= 1, users >= Self.minimumOpenUsers,
      chosenConnections + users * tenants <= available
    else {
      throw DescriptorBudgetError(
        limit: limit, needed: Self.reserve(tenants: tenants) + chosenConnections + users * tenants)
    }
    self.limit = limit
    self.connections = chosenConnections
    self.openUsersPerTenant = users
  }

  /// The descriptors kept free for short-lived files: 64, and 16 per tenant.
  ///
  /// - Parameter tenants: How many stores the service opens.
  /// - Returns: The count.
  public static func reserve(tenants: Int) -> Int { 64 + 16 * max(1, tenants) }

  /// The process's soft descriptor limit (`getrlimit(RLIMIT_NOFILE)`), at most `Int.max`;
  /// 1,024 if it cannot be read.
  ///
  /// - Returns: The limit.
  public static func processLimit() -> Int {
    var limits = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) == 0 else {
      return 1_024
    }
    return limits.rlim_cur == rlim_t.max ? Int.max / 2 : Int(clamping: limits.rlim_cur)
  }
}

/// The descriptor limit (`ulimit -n`) is too low for what the service was asked to keep open.
public struct DescriptorBudgetError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The limit found.
  public let limit: Int
  /// The descriptors the service needs.
  public let needed: Int

  /// The sentence to show an operator.
  public var description: String {
    "the descriptor limit (ulimit -n) is \(limit); this configuration needs \(needed):"
      + " raise the limit or lower --max-connections or --open-users"
  }
}
