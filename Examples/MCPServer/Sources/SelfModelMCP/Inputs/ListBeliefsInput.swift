/// The arguments of `list_beliefs`.
struct ListBeliefsInput: Decodable {
  var keyPrefixes: [String]?
  var tags: [String]?
  var limit: Int?
}
