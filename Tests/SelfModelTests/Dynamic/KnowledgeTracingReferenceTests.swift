import Foundation
import SelfModel
import Testing

/// Every case of `bkt` in the reference vectors (pyBKT 1.4.3's forward pass; the empty case
/// is the textbook rule), copied here, through ``KnowledgeTracing``. One step is one
/// observation.
@Suite struct KnowledgeTracingReferenceTests {
  struct BKTCase: Sendable, CustomTestStringConvertible {
    let name: String
    let prior, learn, guess, slip, forget: Double
    let observations: [Bool]
    let before, correct, after, next: [Double]
    let final: Double
    var testDescription: String { name }
  }

  static let cases: [BKTCase] = [
    BKTCase(
      name: "empty_sequence", prior: 0.3, learn: 0.1, guess: 0.2,
      slip: 0.1, forget: 0.0, observations: [],
      before: [],
      correct: [],
      after: [],
      next: [],
      final: 0.3),
    BKTCase(
      name: "textbook_example", prior: 0.3, learn: 0.1, guess: 0.2,
      slip: 0.1, forget: 0.0, observations: [true, false, true, true, false],
      before: [
        0.3, 0.6926829268292684, 0.29783281733746136, 0.6905866302864939, 0.918505210204815,
      ],
      correct: [
        0.41000000000000003, 0.6848780487804879, 0.408482972136223, 0.6834106412005457,
        0.8429536471433705,
      ],
      after: [
        0.6585365853658537, 0.21981424148606818, 0.6562073669849933, 0.9094502335609056,
        0.5848624902759347,
      ],
      next: [
        0.6926829268292684, 0.29783281733746136, 0.6905866302864939, 0.918505210204815,
        0.6263762412483412,
      ],
      final: 0.6263762412483412),
    BKTCase(
      name: "all_incorrect_long", prior: 0.6, learn: 0.05, guess: 0.2,
      slip: 0.1, forget: 0.0,
      observations: [
        false, false, false, false, false, false, false, false, false, false, false, false,
      ],
      before: [
        0.6, 0.19999999999999996, 0.07878787878787878, 0.06004882017900732, 0.057526246860038224,
        0.05719332097817161, 0.05714949742982753, 0.0571437308701707, 0.05714297210706987,
        0.05714287226972885, 0.05714285913323503, 0.057142857404748976,
      ],
      correct: [
        0.6200000000000001, 0.33999999999999997, 0.25515151515151513, 0.2420341741253051,
        0.2402683728020268, 0.24003532468472016, 0.24000464820087927, 0.2400006116091195,
        0.24000008047494892, 0.2400000105888102, 0.24000000139326455, 0.24000000018332432,
      ],
      after: [
        0.15789473684210523, 0.030303030303030293, 0.010577705451586657, 0.007922365115829702,
        0.007571916819128007, 0.0075257867682394985, 0.007519716705442836, 0.007518918007441964,
        0.007518812915504042, 0.007518799087615817, 0.007518797268156811, 0.007518797028754309,
      ],
      next: [
        0.19999999999999996, 0.07878787878787878, 0.06004882017900732, 0.057526246860038224,
        0.05719332097817161, 0.05714949742982753, 0.0571437308701707, 0.05714297210706987,
        0.05714287226972885, 0.05714285913323503, 0.057142857404748976, 0.05714285717731659,
      ],
      final: 0.05714285717731659),
    BKTCase(
      name: "near_zero_prior", prior: 0.001, learn: 0.2, guess: 0.2,
      slip: 0.05, forget: 0.0, observations: [true, true, true, false, true],
      before: [
        0.001, 0.20378580323785803, 0.6389453993576395, 0.914947045915019, 0.5216273250643777,
      ],
      correct: [
        0.20075, 0.35283935242839354, 0.6792090495182296, 0.8862102844362643, 0.5912204937982833,
      ],
      after: [
        0.00473225404732254, 0.5486817491970494, 0.8936838073937736, 0.40203415633047207,
        0.838174528808253,
      ],
      next: [
        0.20378580323785803, 0.6389453993576395, 0.914947045915019, 0.5216273250643777,
        0.8705396230466025,
      ],
      final: 0.8705396230466025),
    BKTCase(
      name: "with_forgetting", prior: 0.5, learn: 0.2, guess: 0.15,
      slip: 0.1, forget: 0.05, observations: [true, true, false, true, false, false, true],
      before: [
        0.5, 0.8428571428571427, 0.9273972602739726, 0.6503325942350333, 0.8883181225554106,
        0.5625563162935896, 0.2985597351503763,
      ],
      correct: [
        0.525, 0.782142857142857, 0.8455479452054795, 0.637749445676275, 0.816238591916558,
        0.5719172372201922, 0.37391980136278224,
      ],
      after: [
        0.8571428571428571, 0.9698630136986301, 0.6004434589800444, 0.9177574967405475,
        0.48340842172478626, 0.13141298020050177, 0.7186133514620654,
      ],
      next: [
        0.8428571428571427, 0.9273972602739726, 0.6503325942350333, 0.8883181225554106,
        0.5625563162935896, 0.2985597351503763, 0.7389600135965491,
      ],
      final: 0.7389600135965491),
    BKTCase(
      name: "random_02", prior: 0.443, learn: 0.322, guess: 0.318,
      slip: 0.122, forget: 0.0, observations: [false, true, true, false, true],
      before: [
        0.443, 0.40644687500000004, 0.7654508360821668, 0.9322713844918443, 0.804177904665065,
      ],
      correct: [0.56608, 0.54561025, 0.7466524682060134, 0.8400719753154328, 0.7683396266124365],
      after: [
        0.12455291297935105, 0.6540572803571781, 0.9001052868611273, 0.7111768505384439,
        0.9189532543166354,
      ],
      next: [
        0.40644687500000004, 0.7654508360821668, 0.9322713844918443, 0.804177904665065,
        0.9450503064266788,
      ],
      final: 0.9450503064266788),
    BKTCase(
      name: "random_04", prior: 0.511, learn: 0.189, guess: 0.125,
      slip: 0.122, forget: 0.0, observations: [true, true, true, true, true, true],
      before: [
        0.511, 0.9027578891410659, 0.9877507399202686, 0.9985706691925771, 0.9998347650903888,
        0.9999809190625877,
      ],
      correct: [
        0.509783, 0.8047766905232226, 0.8687763071599623, 0.8769237139020106, 0.8778755781130627,
        0.8779856320541285,
      ],
      after: [
        0.8800960408644463, 0.9848961034775199, 0.998237569904534, 0.9997962578179886,
        0.999976472333647, 0.9999972834211752,
      ],
      next: [
        0.9027578891410659, 0.9877507399202686, 0.9985706691925771, 0.9998347650903888,
        0.9999809190625877, 0.9999977968545731,
      ],
      final: 0.9999977968545731),
    BKTCase(
      name: "random_05", prior: 0.104, learn: 0.371, guess: 0.317,
      slip: 0.054, forget: 0.0,
      observations: [true, true, true, true, true, false, false, false, false, true, false, false],
      before: [
        0.104, 0.5328225597255345, 0.8571608221611062, 0.9667336402570369, 0.9928296884340394,
        0.998481438862471, 0.9881287886875316, 0.9170293629250138, 0.6643256457158582,
        0.45610430571500876, 0.8204158629640858, 0.5379052979477317,
      ],
      correct: [
        0.382416, 0.6521453900673613, 0.8561541571393357, 0.9250754597216762, 0.9414898740250107,
        0.9450448250444942, 0.9385330080844573, 0.8938114692798337, 0.7348608311552748,
        0.6038896082947405, 0.8330415778044099, 0.6553424324091233,
      ],
      after: [
        0.2572695703108656, 0.7729106870605823, 0.9471123056550665, 0.988600458559681,
        0.9975857533584593, 0.9811268500596687, 0.8680911970190999, 0.46633647967545017,
        0.1353009629809361, 0.7144926279238247, 0.26535023521102014, 0.08427752302731215,
      ],
      next: [
        0.5328225597255345, 0.8571608221611062, 0.9667336402570369, 0.9928296884340394,
        0.998481438862471, 0.9881287886875316, 0.9170293629250138, 0.6643256457158582,
        0.45610430571500876, 0.8204158629640858, 0.5379052979477317, 0.42401056198417936,
      ],
      final: 0.42401056198417936),
    BKTCase(
      name: "random_07", prior: 0.477, learn: 0.239, guess: 0.061,
      slip: 0.077, forget: 0.027,
      observations: [false, false, true, true, false, false, true, true, true, true, false],
      before: [
        0.477, 0.2900757067670028, 0.26279619128073567, 0.8582031893912827, 0.9650716294485645,
        0.7482410304104679, 0.38283248945076465, 0.9023275073557239, 0.9677864147818998,
        0.9713888743448436, 0.9715739936782394,
      ],
      correct: [
        0.47217400000000004, 0.3110452592331564, 0.28753031688399416, 0.8007711492552858,
        0.8928917445846627, 0.7059837682138234, 0.39100160590655914, 0.838806311340634,
        0.8952318895419977, 0.8983372096852552, 0.8984967825506424,
      ],
      after: [
        0.06958543156267406, 0.03241987912906766, 0.8436010754649628, 0.989198405243276,
        0.6937888697690299, 0.1959570700964096, 0.9037159500759181, 0.9928970228636236,
        0.9978050059194055, 0.998057212095694, 0.7370327699272143,
      ],
      next: [
        0.2900757067670028, 0.26279619128073567, 0.8582031893912827, 0.9650716294485645,
        0.7482410304104679, 0.38283248945076465, 0.9023275073557239, 0.9677864147818998,
        0.9713888743448436, 0.9715739936782394, 0.7799820531265752,
      ],
      final: 0.7799820531265752),
    BKTCase(
      name: "random_09", prior: 0.3, learn: 0.298, guess: 0.218,
      slip: 0.059, forget: 0.0, observations: [true, false, true, true, true, false, false, true],
      before: [
        0.3, 0.7536785467923661, 0.4296622547615842, 0.8348947338701074, 0.9692476132042236,
        0.9948776705483585, 0.9551543858354631, 0.7307184661902398,
      ],
      correct: [
        0.43489999999999995, 0.7629095893308807, 0.5286458101926254, 0.8216288925880877,
        0.9187660243466537, 0.9372965558064632, 0.9085766209590399, 0.7463094510555435,
      ],
      after: [
        0.6491147390204646, 0.1875530694609462, 0.7648073132052811, 0.9561931812025978,
        0.9927032343993711, 0.9361173587399759, 0.6164080714960681, 0.9213417781491302,
      ],
      next: [
        0.7536785467923661, 0.4296622547615842, 0.8348947338701074, 0.9692476132042236,
        0.9948776705483585, 0.9551543858354631, 0.7307184661902398, 0.9447819282606894,
      ],
      final: 0.9447819282606894),
  ]

  @Test(arguments: cases) func forwardPassMatchesPyBKT(_ c: BKTCase) throws {
    let parameters = try KnowledgeTracing.Parameters(
      prior: c.prior, learn: c.learn, forget: c.forget, guess: c.guess, slip: c.slip)
    let steps = KnowledgeTracing.filter(c.observations, parameters: parameters)
    #expect(steps.count == c.observations.count)
    for (t, step) in steps.enumerated() {
      for (actual, expected, label) in [
        (step.masteryBefore, c.before[t], "before"),
        (step.correctProbability, c.correct[t], "correct"),
        (step.masteryAfterObservation, c.after[t], "after"),
        (step.masteryNext, c.next[t], "next"),
      ] {
        #expect(
          abs(actual - expected) <= 1e-9, "\(c.name)[\(t)] \(label): \(actual) vs \(expected)")
      }
    }
    let final = steps.last?.masteryNext ?? parameters.prior
    #expect(abs(final - c.final) <= 1e-9)
  }

  /// A 1,000-step sequence with forgetting (observation `t` is correct iff `7t mod 10 < 6`),
  /// checked at steps 1, 2, 10, 100 and 1,000 against a separate Python implementation of the
  /// same recursion (the values below were computed with it, not with this library).
  @Test func aLongSequenceMatchesAnIndependentImplementation() throws {
    let parameters = try KnowledgeTracing.Parameters(
      prior: 0.2, learn: 0.15, forget: 0.03, guess: 0.25, slip: 0.08)
    let observations = (0..<1_000).map { (7 * $0) % 10 < 6 }
    let steps = KnowledgeTracing.filter(observations, parameters: parameters)
    let expected: [Int: [Double]] = [
      0: [0.2, 0.384, 0.47916666666666674, 0.5429166666666667],
      1: [0.5429166666666667, 0.6137541666666667, 0.11244997249161266, 0.24220897744312236],
      9: [0.25019982397478957, 0.41763388206310903, 0.5511617901299088, 0.6019526679065252],
      99: [0.27336685470794453, 0.4331557926543228, 0.5806167448209908, 0.6261057307532124],
      999: [0.2733668547080889, 0.43315579265441956, 0.5806167448211679, 0.6261057307533576],
    ]
    for (t, values) in expected.sorted(by: { $0.key < $1.key }) {
      let step = steps[t]
      let actual = [
        step.masteryBefore, step.correctProbability, step.masteryAfterObservation,
        step.masteryNext,
      ]
      for (a, e) in zip(actual, values) { #expect(abs(a - e) <= 1e-12, "step \(t): \(a) vs \(e)") }
    }
  }

  /// Order matters by design (`Docs/Math.md`): wrong-then-right ends higher than
  /// right-then-wrong (0.49091 against 0.29783 with the textbook parameters).
  @Test func theOrderOfAnswersMatters() throws {
    let parameters = try KnowledgeTracing.Parameters(
      prior: 0.3, learn: 0.1, forget: 0, guess: 0.2, slip: 0.1)
    let wrongThenRight = KnowledgeTracing.filter([false, true], parameters: parameters)
    let rightThenWrong = KnowledgeTracing.filter([true, false], parameters: parameters)
    #expect(abs((wrongThenRight.last?.masteryNext ?? 0) - 0.49090909090909096) < 1e-12)
    #expect(abs((rightThenWrong.last?.masteryNext ?? 0) - 0.29783281733746136) < 1e-12)
  }

  @Test func emissionsOnTheBoundaryAreRefused() {
    for (guess, slip) in [(0.0, 0.1), (0.2, 1.0), (0.2, .nan)] {
      let error = #expect(throws: ModelError.self) {
        try KnowledgeTracing.Parameters(prior: 0.3, learn: 0.1, forget: 0, guess: guess, slip: slip)
      }
      #expect(error != nil)
    }
  }
}
