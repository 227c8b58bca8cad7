extension ContextSelector {
  /// The relevance of every belief to one request, and which beliefs have any.
  struct Matches {
    var relevance: [Double]
    var touched: [Int] = []
    /// The relevance function's value per belief, when the request has one.
    var custom: [Double]? = nil

    mutating func raise(_ index: Int, to value: Double) {
      if relevance[index] == 0 && value > 0 { touched.append(index) }
      relevance[index] = max(relevance[index], value)
    }
  }

  /// Finds every belief the request names, by key, prefix, tag or relevance function.
  func match(_ request: ContextRequest) throws(ModelError) -> Matches {
    var matches = Matches(relevance: Array(repeating: 0, count: rows.count))
    if request.namesNothing {
      for index in rows.indices { matches.raise(index, to: 1) }
      return matches
    }
    for key in request.keys {
      guard let index = keyIndex[key] else { throw .unknownBelief(key) }
      matches.raise(index, to: 1)
    }
    for prefix in request.keyPrefixes {
      try Check.text(prefix, field: "key prefix", maximum: Identifier<BeliefKind>.maximumLength)
      for index in prefixRange(prefix) { matches.raise(keyOrder[index], to: 1) }
    }
    for tag in request.tags {
      try Check.text(tag, field: "tag", maximum: Check.maximumOutcomeLength)
      for index in tagIndex[tag] ?? [] { matches.raise(index, to: 1) }
    }
    if let relevance = request.relevance {
      matches.custom = try custom(relevance, into: &matches)
    }
    return matches
  }

  private func custom(
    _ relevance: @Sendable (BeliefDefinition) -> Double?, into matches: inout Matches
  ) throws(ModelError) -> [Double] {
    var values = Array(repeating: 0.0, count: rows.count)
    for index in rows.indices {
      guard let value = relevance(definitions[index]) else { continue }
      try Check.unitInterval(value, field: "relevance of belief \(definitions[index].key)")
      values[index] = value
      matches.raise(index, to: value)
    }
    return values
  }

  /// The positions in ``keyOrder`` of the keys that start with `prefix`.
  func prefixRange(_ prefix: String) -> Range<Int> {
    let bytes = Array(prefix.utf8)
    var low = 0
    var high = orderedKeyBytes.count
    while low < high {
      let middle = (low + high) / 2
      if orderedKeyBytes[middle].lexicographicallyPrecedes(bytes) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    var end = low
    while end < orderedKeyBytes.count && orderedKeyBytes[end].starts(with: bytes) { end += 1 }
    return low..<end
  }

  /// Why belief `index` was considered, in a fixed order: key, prefixes, tags, relevance.
  func reasons(_ index: Int, _ matches: Matches, _ request: ContextRequest) -> [ContextReason] {
    if request.namesNothing { return [.anyBelief] }
    let key = definitions[index].key
    var reasons: [ContextReason] = []
    if request.keys.contains(key) { reasons.append(.key) }
    for prefix in request.keyPrefixes where key.rawValue.utf8.starts(with: prefix.utf8) {
      reasons.append(.keyPrefix(prefix))
    }
    for tag in request.tags where definitions[index].tags.contains(tag) {
      reasons.append(.tag(tag))
    }
    if let value = matches.custom?[index], value > 0 { reasons.append(.relevance(value)) }
    return reasons
  }
}
