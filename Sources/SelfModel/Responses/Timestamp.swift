public import Foundation

/// Formats and parses dates as ISO 8601 UTC strings that keep every bit of the `Date`:
/// `2026-01-01T09:30:00Z`, or with the fraction of a second that the date holds,
/// `2026-01-01T09:30:00.123456716537475586Z`.
///
/// Foundation's `.iso8601` strategy drops fractions of a second and `ISO8601DateFormatter`
/// keeps milliseconds, so an evidence time written by one and read back is a different
/// `Date`: an honest retry then looks like a reused evidence id. Here the whole seconds are
/// formatted exactly and the fraction is written as the shortest decimal that reads back to
/// the same `Double`, so `date(from: string(from: d)) == d` for every finite date (except
/// within half a second before 2001-01-01, where the lowest bits of a tiny negative interval
/// do not survive `1 + t`).
///
/// Parsing accepts `Z` or a `±HH:MM` offset and any number of fraction digits.
///
/// ```swift
/// let text = Timestamp.string(from: Date(timeIntervalSince1970: 1_767_259_800.25))
/// // "2026-01-01T09:30:00.25Z"
/// Timestamp.date(from: text)  // the same Date, bit for bit
/// ```
public enum Timestamp {
  private static let secondsPerDay: Int64 = 86_400
  /// Seconds from 1970-01-01 to 2001-01-01, Foundation's reference date.
  private static let referenceOffset: Int64 = 978_307_200

  /// The date as an ISO 8601 UTC string with the exact fraction of a second.
  ///
  /// ```swift
  /// Timestamp.string(from: Date(timeIntervalSinceReferenceDate: 0))  // "2001-01-01T00:00:00Z"
  /// ```
  ///
  /// - Parameter date: A date with a finite time.
  /// - Returns: The string.
  public static func string(from date: Date) -> String {
    let interval = date.timeIntervalSinceReferenceDate
    var whole = interval.rounded(.down)
    var fraction = interval - whole  // exact unless -0.5 < interval < 0
    if fraction >= 1 {
      whole += 1
      fraction = 0
    }
    let seconds = Int64(whole) + referenceOffset
    let days = seconds.floorDivided(by: secondsPerDay)
    let clock = seconds - days * secondsPerDay
    let (year, month, day) = civil(fromDays: days)
    let time =
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(clock / 3600, 2)):"
      + "\(pad(clock / 60 % 60, 2)):\(pad(clock % 60, 2))"
    guard fraction > 0 else { return time + "Z" }
    return time + "." + digits(of: fraction) + "Z"
  }

  /// Parses an ISO 8601 date-time with `Z` or a `±HH:MM` offset.
  ///
  /// ```swift
  /// Timestamp.date(from: "2026-01-01T10:30:00.5+01:00")  // 09:30:00.5 UTC
  /// ```
  ///
  /// - Parameter text: The string.
  /// - Returns: The date, or `nil` if `text` is not such a date-time.
  public static func date(from text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
      bytes[13] == 58, bytes[16] == 58,
      let year = number(bytes[0..<4]), let month = number(bytes[5..<7]),
      let day = number(bytes[8..<10]), let hour = number(bytes[11..<13]),
      let minute = number(bytes[14..<16]), let second = number(bytes[17..<19]),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if bytes[index] == 46 {
      let start = index + 1
      index = start
      while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
      guard index > start,
        let value = Double("0." + String(decoding: bytes[start..<index], as: UTF8.self))
      else { return nil }
      fraction = value
    }
    guard let offset = zoneOffset(bytes[index...]) else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds =
      days * secondsPerDay + hour * 3600 + minute * 60 + second - offset - referenceOffset
    return Date(timeIntervalSinceReferenceDate: Double(seconds) + fraction)
  }

  private static func zoneOffset(_ bytes: ArraySlice<UInt8>) -> Int64? {
    guard let sign = bytes.first else { return nil }
    if sign == 90 || sign == 122 { return bytes.count == 1 ? 0 : nil }
    guard sign == 43 || sign == 45, bytes.count == 6, bytes[bytes.startIndex + 3] == 58,
      let hours = number(bytes.dropFirst().prefix(2)), let minutes = number(bytes.suffix(2))
    else { return nil }
    return (sign == 45 ? -1 : 1) * (hours * 3600 + minutes * 60)
  }

  private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
    var value: Int64 = 0
    for byte in bytes {
      guard (48...57).contains(byte) else { return nil }
      value = value * 10 + Int64(byte - 48)
    }
    return value
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }

  /// The fraction's shortest round-tripping decimal digits, without `0.` or an exponent.
  private static func digits(of fraction: Double) -> String {
    let text = "\(fraction)"
    guard let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      return String(text.dropFirst(2))  // "0.xyz"
    }
    let exponent = Int(text[text.index(after: marker)...]) ?? 0
    let mantissa = text[..<marker].filter { $0 != "." }
    return String(repeating: "0", count: max(0, -exponent - 1)) + mantissa
  }

  /// Howard Hinnant's `civil_from_days`: the proleptic Gregorian date of a day count.
  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let shifted = days + 719_468
    let era = shifted.floorDivided(by: 146_097)
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Howard Hinnant's `days_from_civil`.
  private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
    let adjusted = month <= 2 ? year - 1 : year
    let era = adjusted.floorDivided(by: 400)
    let yearOfEra = adjusted - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

extension Int64 {
  fileprivate func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
