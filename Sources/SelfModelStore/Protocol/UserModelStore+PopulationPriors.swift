public import SelfModel

extension UserModelStore {
  /// Fits population priors over every user of the store, reading users page by page: one
  /// page of models is held at a time (what the store itself caches is its own affair), so
  /// memory is bounded by the page and by the fit's histograms, never by the number of users.
  ///
  /// The fit reads the beliefs of the catalogue in force when it starts; models are matched to
  /// it by belief key and outcomes (see `PopulationPriorFit`). Users deleted while it pages
  /// are skipped; damaged user files (``UserPage/damaged``) are not read. Publish the result
  /// with `PopulationPriors.catalogue(replacing:version:)` and ``publish(_:)``.
  ///
  /// ```swift
  /// let priors = try await store.fitPopulationPriors(pageSize: 500)
  /// let current = try await store.catalogue()
  /// try await store.publish(try priors.catalogue(replacing: current, version: current.version + 1))
  /// ```
  ///
  /// - Parameters:
  ///   - pageSize: Users per page, at least 1 (default 1,000).
  ///   - options: The fit's options.
  /// - Returns: The fitted priors.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a page size below 1; the store's errors
  ///   from listing and loading; ``StoreError/Code/rejectedByModel`` carrying the fit's
  ///   `ModelError` (an empty population, a degenerate fit, a count out of range).
  public func fitPopulationPriors(
    pageSize: Int = 1_000, options: PopulationFitOptions = PopulationFitOptions()
  ) async throws(StoreError) -> PopulationPriors {
    let operation = "fitPopulationPriors"
    guard pageSize >= 1 else {
      throw StoreError(.invalidArgument, operation: operation, detail: "page size \(pageSize)")
    }
    var fit = PopulationPriorFit(catalogue: try await catalogue(), options: options)
    var cursor: UserID? = nil
    repeat {
      let page = try await users(after: cursor, limit: pageSize)
      for user in page.users {
        let model: UserModel
        do {
          model = try await self.model(for: user)
        } catch {
          if error.code == .userNotFound { continue }
          throw error
        }
        do {
          try fit.add(model)
        } catch {
          throw StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
        }
      }
      cursor = page.next
    } while cursor != nil
    do {
      return try fit.fit()
    } catch {
      throw StoreError(.rejectedByModel, operation: operation, modelError: error)
    }
  }
}
