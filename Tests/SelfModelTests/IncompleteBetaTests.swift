import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// A row of the SciPy grid: `I_x(a, b)` and the `x`-quantile of Beta(a, b).
struct IncompleteBetaCase: Sendable, CustomTestStringConvertible {
  let a: Double
  let b: Double
  /// Used both as the argument `x` of `I_x(a, b)` and as the probability `p` of the inverse.
  let x: Double
  let value: Double
  let inverse: Double

  init(_ a: Double, _ b: Double, _ x: Double, _ value: Double, _ inverse: Double) {
    self.a = a
    self.b = b
    self.x = x
    self.value = value
    self.inverse = inverse
  }

  var testDescription: String { "a=\(a) b=\(b) x=\(x)" }
}

/// `(a, b, x, betainc(a, b, x), betaincinv(a, b, x))` from SciPy 1.17.1
/// `scipy.special.betainc` and `scipy.special.betaincinv`, for a, b in {0.05, 0.5, 1, 3.7, 50,
/// 1000, 5000} with a <= b, five pairs with a > b, and x in {1e-10, 1e-3, 0.5, 0.999,
/// 1 - 1e-10}. Spot checks against mpmath 1.3.0 agree to 1e-13 relative.
let incompleteBetaGrid: [IncompleteBetaCase] = [
  .init(0.05, 0.05, 1e-10, 0.15872120820311178, 9.71182360272029e-195),
  .init(0.05, 0.05, 0.001, 0.35534860654115596, 9.711823602720127e-55),
  .init(0.05, 0.05, 0.5, 0.4999999999999999, 0.5),
  .init(0.05, 0.05, 0.999, 0.6446513934588439, 1.0),
  .init(0.05, 0.05, 0.9999999999, 0.8412787911402557, 1.0),
  .init(0.05, 0.5, 1e-10, 0.29618424741953703, 3.7047666941529536e-200),
  .init(0.05, 0.5, 0.001, 0.6630897291502511, 3.7047666941528806e-60),
  .init(0.05, 0.5, 0.5, 0.9184347790489534, 3.5331349001722256e-06),
  .init(0.05, 0.5, 0.999, 0.9970372190599612, 0.9998860157796201),
  .init(0.05, 0.5, 0.9999999999, 0.9999990633831324, 1.0),
  .init(0.05, 1.0, 1e-10, 0.31622776601683794, 1.0000000000000007e-200),
  .init(0.05, 1.0, 0.001, 0.7079457843841379, 1.0000000000000004e-60),
  .init(0.05, 1.0, 0.5, 0.9659363289248456, 9.536743164062517e-07),
  .init(0.05, 1.0, 0.999, 0.9999499762345511, 0.9801888648295347),
  .init(0.05, 1.0, 0.9999999999, 0.999999999995, 0.9999999979999998),
  .init(0.05, 3.7, 1e-10, 0.34448793115303156, 1.8051769214193286e-201),
  .init(0.05, 3.7, 0.001, 0.7711133007444654, 1.8051769214193056e-61),
  .init(0.05, 3.7, 0.5, 0.9981472926648456, 1.7215516286312398e-07),
  .init(0.05, 3.7, 0.999, 0.999999999999883, 0.5669095090428873),
  .init(0.05, 3.7, 0.9999999999, 1.0, 0.9938069734218523),
  .init(0.05, 50.0, 1e-10, 0.3948241719890692, 1.1801177234440517e-202),
  .init(0.05, 50.0, 0.001, 0.881863872078135, 1.1801177234440271e-62),
  .init(0.05, 50.0, 0.5, 1.0, 1.1254485542802277e-08),
  .init(0.05, 50.0, 0.999, 1.0, 0.053752115586463076),
  .init(0.05, 50.0, 0.9999999999, 1.0, 0.2947308134279717),
  .init(0.05, 1000.0, 1e-10, 0.45883001813796226, 5.8474093335716574e-204),
  .init(0.05, 1000.0, 0.001, 0.9884768227519392, 5.847409333571533e-64),
  .init(0.05, 1000.0, 0.5, 1.0, 5.576527057659837e-10),
  .init(0.05, 1000.0, 0.999, 1.0, 0.002734014380126871),
  .init(0.05, 1000.0, 0.9999999999, 1.0, 0.017157355857548816),
  .init(0.05, 5000.0, 1e-10, 0.4972886740668893, 1.1690374680730886e-204),
  .init(0.05, 5000.0, 0.001, 0.9999357484633213, 1.1690374680730725e-64),
  .init(0.05, 5000.0, 0.5, 1.0, 1.1148815999854392e-10),
  .init(0.05, 5000.0, 0.999, 1.0, 0.000547193948871725),
  .init(0.05, 5000.0, 0.9999999999, 1.0, 0.0034539580944874075),
  .init(0.5, 0.5, 1e-10, 6.366197723781918e-06, 2.4674011002723397e-20),
  .init(0.5, 0.5, 0.001, 0.020135041633377492, 2.4673990709169446e-06),
  .init(0.5, 0.5, 0.5, 0.5000000000000001, 0.4999999999999999),
  .init(0.5, 0.5, 0.999, 0.9798649583666235, 0.999997532600929),
  .init(0.5, 0.5, 0.9999999999, 0.9999936338020129, 1.0),
  .init(0.5, 1.0, 1e-10, 1e-05, 1.0000000000000001e-20),
  .init(0.5, 1.0, 0.001, 0.03162277660168379, 1.0000000000000002e-06),
  .init(0.5, 1.0, 0.5, 0.7071067811865476, 0.25),
  .init(0.5, 1.0, 0.999, 0.999499874937461, 0.998001),
  .init(0.5, 1.0, 0.9999999999, 0.99999999995, 0.9999999998),
  .init(0.5, 3.7, 1e-10, 2.098589700303761e-05, 2.2706224413245505e-21),
  .init(0.5, 3.7, 0.001, 0.06630353682297052, 2.2706233693558354e-07),
  .init(0.5, 3.7, 0.5, 0.9717834563065717, 0.0636222720109278),
  .init(0.5, 3.7, 0.999, 0.9999999999977465, 0.7880113234139152),
  .init(0.5, 3.7, 0.9999999999, 1.0, 0.9972133113063911),
  .init(0.5, 50.0, 1e-10, 7.9589237257183e-05, 1.578669844608783e-22),
  .init(0.5, 50.0, 0.001, 0.24763098003462314, 1.5786706587275018e-08),
  .init(0.5, 50.0, 0.5, 0.9999999999999999, 0.004561722473103865),
  .init(0.5, 50.0, 0.999, 1.0, 0.10310226341871377),
  .init(0.5, 50.0, 0.9999999999, 1.0, 0.34310889123710725),
  .init(0.5, 1000.0, 1e-10, 0.00035678021103630547, 7.855945374758517e-24),
  .init(0.5, 1000.0, 0.001, 0.842752725733276, 7.855949485038773e-10),
  .init(0.5, 1000.0, 0.5, 1.0, 0.00022749920277140932),
  .init(0.5, 1000.0, 0.999, 1.0, 0.005400500669259919),
  .init(0.5, 1000.0, 0.9999999999, 1.0, 0.02069872599360928),
  .init(0.5, 5000.0, 1e-10, 0.0007978644809873947, 1.5708748685746356e-24),
  .init(0.5, 5000.0, 0.001, 0.9984384208397107, 1.5708756909599696e-10),
  .init(0.5, 5000.0, 0.5, 1.0, 4.549488211877343e-05),
  .init(0.5, 5000.0, 0.999, 1.0, 0.001082224723341528),
  .init(0.5, 5000.0, 0.9999999999, 1.0, 0.004173620794951507),
  .init(1.0, 1.0, 1e-10, 1e-10, 1e-10),
  .init(1.0, 1.0, 0.001, 0.001, 0.001),
  .init(1.0, 1.0, 0.5, 0.5, 0.5),
  .init(1.0, 1.0, 0.999, 0.999, 0.999),
  .init(1.0, 1.0, 0.9999999999, 0.9999999999, 0.9999999999),
  .init(1.0, 3.7, 1e-10, 3.6999999995005e-10, 2.702702702801315e-11),
  .init(1.0, 3.7, 0.001, 0.0036950078300046333, 0.0002703689392921816),
  .init(1.0, 3.7, 0.5, 0.9230534741659427, 0.1708358019325467),
  .init(1.0, 3.7, 0.999, 0.9999999999920567, 0.8454072263580522),
  .init(1.0, 3.7, 0.9999999999, 1.0, 0.9980171160065312),
  .init(1.0, 50.0, 1e-10, 4.9999999877499995e-09, 2.000000000098e-12),
  .init(1.0, 50.0, 0.001, 0.048794371802968646, 2.0009806472822498e-05),
  .init(1.0, 50.0, 0.5, 0.9999999999999991, 0.013767295506640827),
  .init(1.0, 50.0, 0.999, 1.0, 0.12903641004391936),
  .init(1.0, 50.0, 0.9999999999, 1.0, 0.36904265447569395),
  .init(1.0, 1000.0, 1e-10, 9.999999500500017e-08, 1.0000000000499501e-13),
  .init(1.0, 1000.0, 0.001, 0.6323045752290359, 1.0004998330832417e-06),
  .init(1.0, 1000.0, 0.5, 1.0, 0.0006929070095474781),
  .init(1.0, 1000.0, 0.999, 1.0, 0.006883951579066227),
  .init(1.0, 1000.0, 0.9999999999, 1.0, 0.02276277896333235),
  .init(1.0, 5000.0, 1e-10, 4.999998750250209e-07, 2.0000000000999802e-14),
  .init(1.0, 5000.0, 0.001, 0.9932788880401344, 2.001000466966897e-07),
  .init(1.0, 5000.0, 0.5, 1.0, 0.00013861982749572817),
  .init(1.0, 5000.0, 0.999, 1.0, 0.0013805971534753643),
  .init(1.0, 5000.0, 0.9999999999, 1.0, 0.004594582632000996),
  .init(3.7, 3.7, 1e-10, 2.3949022362620174e-36, 0.0008408657508352067),
  .init(3.7, 3.7, 0.001, 1.8982978183701266e-10, 0.0682117952468041),
  .init(3.7, 3.7, 0.5, 0.4999999999999999, 0.49999999999999983),
  .init(3.7, 3.7, 0.999, 0.9999999998101702, 0.9317882047531959),
  .init(3.7, 3.7, 0.9999999999, 1.0, 0.9991591342303521),
  .init(3.7, 50.0, 1e-10, 1.381248037584246e-32, 8.09843954461772e-05),
  .init(3.7, 50.0, 0.001, 1.0556682779829588e-06, 0.0067680122589664615),
  .init(3.7, 50.0, 0.5, 0.9999999999985265, 0.06358834991136524),
  .init(3.7, 50.0, 0.999, 1.0, 0.21658247228737526),
  .init(3.7, 50.0, 0.9999999999, 1.0, 0.45322270742708065),
  .init(3.7, 1000.0, 1e-10, 8.199007830167413e-28, 4.1522702490216315e-06),
  .init(3.7, 1000.0, 0.001, 0.0301175313384263, 0.00034811325816398384),
  .init(3.7, 1000.0, 0.5, 1.0, 0.003362328944853997),
  .init(3.7, 1000.0, 0.999, 1.0, 0.012430022882559245),
  .init(3.7, 1000.0, 0.9999999999, 1.0, 0.030439128864246528),
  .init(3.7, 5000.0, 1e-10, 3.149321205832149e-25, 8.313516573191956e-07),
  .init(3.7, 5000.0, 0.001, 0.7826605954912278, 6.970749040065489e-05),
  .init(3.7, 5000.0, 0.5, 1.0, 0.0006740982528512985),
  .init(3.7, 5000.0, 0.999, 1.0, 0.0025011476039286554),
  .init(3.7, 5000.0, 0.9999999999, 1.0, 0.0061699427070930745),
  .init(50.0, 50.0, 1e-10, 0.0, 0.21099018447680734),
  .init(50.0, 50.0, 0.001, 4.807847716285343e-122, 0.3487478265970523),
  .init(50.0, 50.0, 0.5, 0.5000000000000007, 0.4999999999999999),
  .init(50.0, 50.0, 0.999, 1.0, 0.6512521734029477),
  .init(50.0, 50.0, 0.9999999999, 1.0, 0.7890098150554195),
  .init(50.0, 1000.0, 1e-10, 0.0, 0.016650639129246685),
  .init(50.0, 1000.0, 0.001, 4.119913393253575e-65, 0.029771271443060358),
  .init(50.0, 1000.0, 0.5, 1.0, 0.04733200766191081),
  .init(50.0, 1000.0, 0.999, 1.0, 0.07035780063963712),
  .init(50.0, 1000.0, 0.9999999999, 1.0, 0.10083339338464914),
  .init(50.0, 5000.0, 1e-10, 0.0, 0.003417374985966588),
  .init(50.0, 5000.0, 0.001, 2.780384715205521e-32, 0.006142698918389071),
  .init(50.0, 5000.0, 0.5, 1.0, 0.009836360427138436),
  .init(50.0, 5000.0, 0.999, 1.0, 0.014762158433185702),
  .init(50.0, 5000.0, 0.9999999999, 1.0, 0.0214325285877324),
  .init(1000.0, 1000.0, 1e-10, 0.0, 0.429227551117347),
  .init(1000.0, 1000.0, 0.001, 0.0, 0.4654870515209363),
  .init(1000.0, 1000.0, 0.5, 0.4999999999999992, 0.5),
  .init(1000.0, 1000.0, 0.999, 1.0, 0.5345129484790636),
  .init(1000.0, 1000.0, 0.9999999999, 1.0, 0.5707724487427124),
  .init(1000.0, 5000.0, 1e-10, 0.0, 0.13755438179511914),
  .init(1000.0, 5000.0, 0.001, 0.0, 0.15212004303902182),
  .init(1000.0, 5000.0, 0.5, 1.0, 0.1666296283320896),
  .init(1000.0, 5000.0, 0.999, 1.0, 0.18184635231756419),
  .init(1000.0, 5000.0, 0.9999999999, 1.0, 0.19869623546137738),
  .init(5000.0, 5000.0, 1e-10, 0.0, 0.46822465365254573),
  .init(5000.0, 5000.0, 0.001, 0.0, 0.4845521405442887),
  .init(5000.0, 5000.0, 0.5, 0.49999999999999967, 0.5),
  .init(5000.0, 5000.0, 0.999, 1.0, 0.5154478594557113),
  .init(5000.0, 5000.0, 0.9999999999, 1.0, 0.5317753462841122),
  .init(5000.0, 0.05, 1e-10, 0.0, 0.9965460418898381),
  .init(5000.0, 0.05, 0.001, 0.0, 0.9994528060511283),
  .init(5000.0, 0.05, 0.5, 0.0, 0.9999999998885118),
  .init(5000.0, 0.05, 0.999, 6.425153667859762e-05, 1.0),
  .init(5000.0, 0.05, 0.9999999999, 0.5027113238758192, 1.0),
  .init(1000.0, 0.5, 1e-10, 0.0, 0.979301273927156),
  .init(1000.0, 0.5, 0.001, 0.0, 0.9945994993307401),
  .init(1000.0, 0.5, 0.5, 2.3532791678994476e-303, 0.9997725007972286),
  .init(1000.0, 0.5, 0.999, 0.15724727426672383, 0.9999999992144051),
  .init(1000.0, 0.5, 0.9999999999, 0.9996432197742037, 1.0),
  .init(50.0, 1.0, 1e-10, 0.0, 0.6309573444801932),
  .init(50.0, 1.0, 0.001, 1.0000000000000011e-150, 0.8709635899560806),
  .init(50.0, 1.0, 0.5, 8.881784197001252e-16, 0.9862327044933592),
  .init(50.0, 1.0, 0.999, 0.9512056281970314, 0.9999799901935271),
  .init(50.0, 1.0, 0.9999999999, 0.9999999949999996, 0.999999999998),
  .init(3.7, 0.05, 1e-10, 1.4721168769977392e-39, 0.0061930264398316354),
  .init(3.7, 0.05, 0.001, 1.1702192238168737e-13, 0.4330904909571127),
  .init(3.7, 0.05, 0.5, 0.0018527073351544676, 0.9999998278448371),
  .init(3.7, 0.05, 0.999, 0.2288866992555345, 1.0),
  .init(3.7, 0.05, 0.9999999999, 0.6555120674218156, 1.0),
  .init(5000.0, 3.7, 1e-10, 0.0, 0.9938300572749507),
  .init(5000.0, 3.7, 0.001, 0.0, 0.9974988523960714),
  .init(5000.0, 3.7, 0.5, 0.0, 0.9993259017471487),
  .init(5000.0, 3.7, 0.999, 0.21733940450877182, 0.9999302925095993),
  .init(5000.0, 3.7, 0.9999999999, 1.0, 0.999999168648324),
]

/// The seeded SplitMix64 generator from SelfModelTesting.
typealias NumericsTestRandom = SeededRandom

/// `|actual - expected| <= tolerance * |expected|`, treating numbers below 1e-300 as 0 (their
/// relative precision is lost to subnormal rounding).
func isRelativelyClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
  abs(actual - expected) <= max(tolerance * abs(expected), 1e-300)
}

/// Whether `x` solves `I_x(a, b) = p` up to `tolerance` relative in the smaller tail, allowing
/// for the rounding of `x` itself: `p` must lie between the values at `x`'s two neighbours.
func solvesIncompleteBeta(_ x: Double, p: Double, a: Double, b: Double, tolerance: Double)
  throws -> Bool
{
  let below = max(0, x.nextDown)
  let above = min(1, x.nextUp)
  if p <= 0.5 {
    let low = try IncompleteBeta.regularized(below, a: a, b: b)
    let high = try IncompleteBeta.regularized(above, a: a, b: b)
    return low - tolerance * p <= p && p <= high + tolerance * p
  }
  let q = 1 - p
  let low = try IncompleteBeta.regularized(1 - above, a: b, b: a)
  let high = try IncompleteBeta.regularized(1 - below, a: b, b: a)
  return low - tolerance * q <= q && q <= high + tolerance * q
}

@Suite struct IncompleteBetaTests {
  @Test(arguments: incompleteBetaGrid)
  func matchesSciPyBetainc(_ row: IncompleteBetaCase) throws {
    let value = try IncompleteBeta.regularized(row.x, a: row.a, b: row.b)
    #expect(isRelativelyClose(value, row.value, tolerance: 1e-9), "got \(value)")
  }

  @Test(arguments: incompleteBetaGrid)
  func matchesSciPyBetaincinv(_ row: IncompleteBetaCase) throws {
    let x = try IncompleteBeta.inverse(row.x, a: row.a, b: row.b)
    let isClose = isRelativelyClose(x, row.inverse, tolerance: 1e-8)
    let solves = try solvesIncompleteBeta(x, p: row.x, a: row.a, b: row.b, tolerance: 1e-10)
    #expect(isClose || solves, "got \(x)")
  }

  @Test func roundTripsOverSeededRandomCases() throws {
    var random = NumericsTestRandom(seed: 2024)
    let logShapes = log(0.05)...log(5000)
    for trial in 0..<1200 {
      let a = exp(Double.random(in: logShapes, using: &random))
      let b = exp(Double.random(in: logShapes, using: &random))
      let tail = pow(10, -Double.random(in: 0...12, using: &random))
      let p: Double
      switch trial % 3 {
      case 0: p = Double.random(in: 0...1, using: &random)
      case 1: p = tail
      default: p = 1 - tail
      }
      let x = try IncompleteBeta.inverse(p, a: a, b: b)
      let solves = try solvesIncompleteBeta(x, p: p, a: a, b: b, tolerance: 1e-10)
      #expect(solves, "a=\(a) b=\(b) p=\(p) x=\(x)")
    }
  }

  @Test(arguments: [(0.05, 0.05), (0.5, 3.7), (1, 1), (50, 1000), (5000, 5000)])
  func hasExactEndPoints(_ a: Double, _ b: Double) throws {
    #expect(try IncompleteBeta.regularized(0, a: a, b: b) == 0)
    #expect(try IncompleteBeta.regularized(1, a: a, b: b) == 1)
    #expect(try IncompleteBeta.inverse(0, a: a, b: b) == 0)
    #expect(try IncompleteBeta.inverse(1, a: a, b: b) == 1)
  }

  @Test func matchesClosedForms() throws {
    for x in stride(from: 0.0, through: 1, by: 0.0625) {
      #expect(isClose(try IncompleteBeta.regularized(x, a: 1, b: 1), x, tolerance: 1e-15))
      #expect(isClose(try IncompleteBeta.regularized(x, a: 2.5, b: 1), pow(x, 2.5)))
      #expect(isClose(try IncompleteBeta.regularized(x, a: 1, b: 3), 1 - pow(1 - x, 3)))
      #expect(isClose(try IncompleteBeta.inverse(x, a: 1, b: 1), x, tolerance: 1e-15))
    }
  }

  @Test func satisfiesTheReflectionSymmetry() throws {
    for (a, b) in [(0.3, 7.0), (2.0, 2.0), (40.0, 0.6)] {
      for x in stride(from: 0.05, to: 1, by: 0.05) {
        let lower = try IncompleteBeta.regularized(x, a: a, b: b)
        let upper = try IncompleteBeta.regularized(1 - x, a: b, b: a)
        #expect(isClose(lower + upper, 1, tolerance: 1e-14))
      }
    }
  }

  @Test(arguments: [
    (0.5, Double.nan, 1.0, ModelError.nonFiniteNumber(field: "a")),
    (0.5, 1.0, .infinity, .nonFiniteNumber(field: "b")),
    (0.5, -1.0, 1.0, .numberOutOfRange(field: "a", value: -1, allowed: "> 0")),
    (0.5, 1.0, 0.0, .numberOutOfRange(field: "b", value: 0, allowed: "> 0")),
    (.nan, 1.0, 1.0, .nonFiniteNumber(field: "x")),
    (1.5, 1.0, 1.0, .numberOutOfRange(field: "x", value: 1.5, allowed: "0...1")),
    (-1e-300, 1.0, 1.0, .numberOutOfRange(field: "x", value: -1e-300, allowed: "0...1")),
  ])
  func rejectsBadInputToRegularized(_ x: Double, _ a: Double, _ b: Double, _ error: ModelError) {
    #expect(throws: error) { try IncompleteBeta.regularized(x, a: a, b: b) }
  }

  @Test(arguments: [
    (0.5, -.infinity, 1.0, ModelError.nonFiniteNumber(field: "a")),
    (0.5, 1.0, -2.0, .numberOutOfRange(field: "b", value: -2, allowed: "> 0")),
    (.infinity, 1.0, 1.0, .nonFiniteNumber(field: "probability")),
    (-0.1, 1.0, 1.0, .numberOutOfRange(field: "probability", value: -0.1, allowed: "0...1")),
    (1.1, 1.0, 1.0, .numberOutOfRange(field: "probability", value: 1.1, allowed: "0...1")),
  ])
  func rejectsBadInputToInverse(_ p: Double, _ a: Double, _ b: Double, _ error: ModelError) {
    #expect(throws: error) { try IncompleteBeta.inverse(p, a: a, b: b) }
  }
}
