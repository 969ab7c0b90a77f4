//! Expectations over the fixture pairs in `tests/fixtures/`, whose README lists what each outlet version
//! did to the wire story, paragraph by paragraph; these tests follow that list.
//!
//! Expectations name sentences, not offsets: a sentence is located in both files and some passage must
//! cover its words on both sides. Ratios are checked against the words of the wire paragraphs that the
//! README says an outlet kept, so nothing here echoes the engine's output back at it.

mod pairs;
mod spans;

use copydesk::{CompareOptions, Span};
use pairs::{
    assert_bridged, assert_chrome_unshared, assert_cut_paragraphs_unshared, assert_found_in_any_order,
    assert_own_paragraphs_unshared, assert_ratios, locate, paragraph, quote_paragraphs, w, wire_paragraph, Pair,
    BYLINE, HEADLINE, OUTLETS, WIRE,
};

// outlet-1: nearly verbatim.

#[test]
fn outlet_1_is_one_passage_from_lead_to_governor_despite_curly_quotes() {
    let pair = Pair::outlet(1);
    let body = |text: &str| {
        let first = locate(text, "A winter storm with gale-force winds");
        let last = locate(text, "said in a televised statement on Monday evening");
        Span::new(first.start, last.end)
    };
    let passage = pair.covering_spans(body(pair.a), body(pair.b));
    assert!(!passage.exact, "\"on Monday\" -> \"Monday\" and \"small\" are edits");
    let body_a = body(pair.a);
    assert!(pair.has_edit(passage, body_a, "on", ""), "the dropped \"on\" before Monday");
    assert!(pair.has_edit(passage, body_a, "", "small"), "the inserted adjective");
}

#[test]
fn outlet_1_keeps_the_headline_and_byline() {
    Pair::outlet(1).covering(
        "Storm shuts Syria's Tartus port, diverts flights at Hmeimim airbase\n\nBy Lina Haddad, Coastline Wire Service",
        "Storm shuts Syria’s Tartus port, diverts flights at Hmeimim airbase\n\nBy Lina Haddad, Coastline Wire Service",
    );
}

#[test]
fn outlet_1_chrome_and_own_paragraph_are_unshared() {
    assert_chrome_unshared(
        1,
        &[
            "Skip to main content",
            "THE COASTAL COURIER",
            "Markets: BRENT",
            "World › Middle East",
            "Published 13 January",
            "Sign up for our newsletter",
            "Middle East Briefing",
            "[ Your email address ]",
            "Leave a comment.",
            "© 2025 The Coastal Courier",
        ],
    );
    assert_own_paragraphs_unshared(1, &["In neighbouring Lebanon"]);
    assert_cut_paragraphs_unshared(1, &[13]);
}

#[test]
fn outlet_1_ratios() {
    assert_ratios(1, [HEADLINE, BYLINE].into_iter().chain((1..=12).map(w)), 0.03);
}

// outlet-2: reordered, Tartous and Khmeimim, curly quotes, edits, its own reaction and background.

#[test]
fn outlet_2_finds_reordered_paragraphs() {
    let pair = Pair::outlet(2);
    let in_outlet_order = [
        "We have never seen the sea come over the wall like this",
        "Waves of up to six metres broke over",
        "you will feel it in the price of bread",
        "some 60 kilometres up the coast near the city of Latakia",
        "Port director Rania Aboud said the terminals would stay closed",
        "We will not reopen a single berth until every crane has been checked",
        "The water reached the ground floors in some streets",
    ];
    assert_found_in_any_order(&pair, &in_outlet_order.map(|text| (text, text)));
}

#[test]
fn outlet_2_curly_quotes_are_no_edit() {
    let pair = Pair::outlet(2);
    for passage in
        quote_paragraphs(&pair, &[("\"We have never", "“We have never"), ("\"Safety comes", "“Safety comes")])
    {
        assert!(passage.exact, "curly and straight quote marks compare equal");
    }
}

#[test]
fn outlet_2_bridges_edited_sentences() {
    assert_bridged(
        &Pair::outlet(2),
        &[
            (
                wire_paragraph(2),
                "Waves of up to six metres broke over a section of the ageing outer breakwater before dawn, flooding two warehouses used to store grain and cement, the port authority said in a statement.",
                &[("", "ageing"), ("wheat", "grain")],
            ),
            (
                "the nearby Hmeimim airbase, port and aviation officials said",
                "the nearby Khmeimim air base, port and aviation officials said",
                &[("Hmeimim airbase", "Khmeimim air base")],
            ),
            ("Haidar said in a televised statement on Monday evening", "Haidar said in a televised statement Monday evening", &[("on", "")]),
        ],
    );
}

#[test]
fn outlet_2_spelling_variants_join_a_renamed_sentence_start() {
    let default = Pair::outlet(2);
    let variants =
        Pair::new(WIRE, OUTLETS[1], &CompareOptions { spelling_variants: true, ..CompareOptions::default() });
    // Each sentence starts with the renamed place right after a paragraph the outlet does not share,
    // so without the option no passage can reach back over the name.
    let cases = [
        (
            "Tartus handles most of Syria's grain imports",
            "Tartous handles most of Syria’s grain imports",
            "Tartus",
            "Tartous",
        ),
        (
            "At Hmeimim, some 60 kilometres up the coast",
            "At Khmeimim, some 60 kilometres up the coast",
            "Hmeimim",
            "Khmeimim",
        ),
    ];
    for (in_wire, in_outlet, name, variant) in cases {
        let (a, b) = (locate(WIRE, in_wire), locate(OUTLETS[1], in_outlet));
        let after = |sentence: &str, name: &str| sentence[sentence.find(name).unwrap() + name.len()..].to_owned();
        assert!(default.find_covering(a, b).is_none(), "without spelling variants, {in_wire:?} should lose {name:?}");
        default.covering(&after(in_wire, name), &after(in_outlet, variant));

        let passage = variants.covering_spans(a, b);
        assert!(!passage.exact, "{name} / {variant} is an edit inside the passage");
        assert!(variants.has_edit(passage, a, name, variant), "the edit should be {name:?} -> {variant:?}");
    }
}

#[test]
fn outlet_2_chrome_and_own_paragraphs_are_unshared() {
    assert_chrome_unshared(
        2,
        &[
            "Skip to main content",
            "LEVANT OBSERVER",
            "Tartous storm · Live",
            "SYP/USD",
            "By Observer staff",
            "13 January · 5 min read",
            "+ + + Sign up for our newsletter",
            "The Morning Levant",
            "Related:",
            "What do you think?",
            "© Levant Observer Media",
        ],
    );
    assert_own_paragraphs_unshared(
        2,
        &[
            "Storm closes Tartous port",
            "Ships wait offshore",
            "On the seafront",
            "“I have lived on this street",
            "Khmeimim, which shares",
            // Follows the last reused paragraph and starts with "The", as the wire's next one does.
            "The breakwater that gave way",
        ],
    );
    assert_cut_paragraphs_unshared(2, &[7, 10, 13]);
}

#[test]
fn outlet_2_ratios() {
    assert_ratios(2, [1, 2, 3, 4, 5, 6, 8, 9, 11, 12].map(w), 0.04);
}

// outlet-3: guillemets, Lattakia, Haydar and Banias, the governor moved up, four paragraphs cut.

#[test]
fn outlet_3_guillemets_do_not_break_quotes() {
    let pair = Pair::outlet(3);
    let quotes =
        [("\"We have never", "«We have never"), ("\"The water reached", "«The water reached"), ("\"Safety", "«Safety")];
    for passage in quote_paragraphs(&pair, &quotes) {
        assert!(!passage.exact, "a comma moved outside the closing guillemet is an edit");
    }
}

#[test]
fn outlet_3_bridges_other_transliterations_and_edits() {
    assert_bridged(
        &Pair::outlet(3),
        &[
            (
                wire_paragraph(13),
                "The storm also cut electricity to parts of Lattakia and Banias, the state electricity company said, adding that repairs would take at least two days.",
                &[("Latakia", "Lattakia"), ("Baniyas", "Banias")],
            ),
            (
                wire_paragraph(11),
                "The governor of Tartus province, Nabil Haydar, said emergency teams had evacuated 120 families from low-lying streets along the seafront corniche and opened three schools as shelters.",
                &[("Haidar", "Haydar"), ("moved", "evacuated")],
            ),
            (
                "near the city of Latakia, two passenger flights and a cargo plane were sent on to Damascus",
                "near the city of Lattakia, two passenger flights and one cargo plane were sent on to Damascus",
                &[("Latakia", "Lattakia"), ("a", "one")],
            ),
            (
                wire_paragraph(4),
                "Port director Rania Aboud said the terminals would remain closed at least until Wednesday, when engineers expect to finish inspecting the damaged cranes and the flooded quay.",
                &[("stay", "remain")],
            ),
        ],
    );
}

#[test]
fn outlet_3_finds_the_governor_moved_up() {
    let pair = Pair::outlet(3);
    assert_found_in_any_order(
        &pair,
        &[
            (
                "A winter storm with gale-force winds shut the Mediterranean port of Tartus on Monday",
                "A winter storm with gale-force winds shut the Mediterranean port of Tartus on Monday",
            ),
            (
                "Our teams are working through the night to pump it out",
                "Our teams are working through the night to pump it out",
            ),
            ("some 60 kilometres up the coast", "some 60 kilometres up the coast"),
            ("said Samir Khoury, the harbour master", "said Samir Khoury, the harbour master"),
            ("Waves of up to six metres broke over", "Waves of up to six metres broke over"),
        ],
    );
}

#[test]
fn outlet_3_chrome_and_own_paragraphs_are_unshared() {
    assert_chrome_unshared(
        3,
        &[
            "Skip to main content",
            "CAC 40",
            "RIVIERA TIMES",
            "Coastline Wire Service with Riviera Times",
            "Sign up for our newsletter",
            "Your e-mail",
            "Join the conversation",
            "© Riviera Times SAS",
        ],
    );
    assert_own_paragraphs_unshared(
        3,
        &["Tartus port shut, Lattakia flights", "For the French shipping group", "Forecasters at Météo-France"],
    );
    assert_cut_paragraphs_unshared(3, &[7, 8, 9, 10]);
}

#[test]
fn outlet_3_ratios() {
    assert_ratios(3, [1, 2, 3, 4, 5, 6, 11, 12, 13].map(w), 0.04);
}

// outlet-4: a trade-paper rewrite that keeps five wire paragraphs, about 30 % of either text.

#[test]
fn outlet_4_finds_the_five_kept_paragraphs() {
    let pair = Pair::outlet(4);
    assert_found_in_any_order(
        &pair,
        &[
            (
                "Tartus handles most of Syria's grain imports, and traders warned",
                "Tartus handles most of Syria’s grain imports, and traders warned",
            ),
            ("Port director Rania Aboud said the terminals", "Port director Rania Aboud said the terminals"),
            ("Waves of up to six metres broke over", "Waves of up to six metres broke over"),
            (
                "\"If the ships wait a week, you will feel it in the price of bread,\" said Fadi Mansour",
                "“If the ships wait a week, you will feel it in the price of bread,” said Fadi Mansour",
            ),
            (
                "\"Safety comes first. We will not reopen a single berth until every crane has been checked,\" Aboud told reporters",
                "“Safety comes first. We will not reopen a single berth until every crane has been checked,” Aboud told reporters",
            ),
        ],
    );
}

#[test]
fn outlet_4_bridges_its_edits_to_kept_paragraphs() {
    assert_bridged(
        &Pair::outlet(4),
        &[
            (
                "Port director Rania Aboud said the terminals would stay closed at least until Wednesday, when engineers expect to finish inspecting the damaged cranes and the flooded quay",
                "Port director Rania Aboud said the terminals would stay shut at least until Wednesday, when engineers expect to finish inspecting the damaged cranes and the flooded quay",
                &[("closed", "shut")],
            ),
            (
                "Waves of up to six metres broke over a section of the outer breakwater before dawn, flooding two warehouses used to store wheat and cement, the port authority said",
                "Waves of up to six metres broke over a section of the outer breakwater before dawn on Monday, flooding two warehouses used to store wheat and cement, the port authority said",
                &[("", "on Monday")],
            ),
        ],
    );
}

#[test]
fn outlet_4_rewritten_lead_and_own_paragraphs_are_unshared() {
    assert_chrome_unshared(
        4,
        &[
            "Skip to main content",
            "SHIPPING GAZETTE",
            "Baltic Dry",
            "PORTS · EASTERN",
            "By Gazette Ports Desk",
            "SUBSCRIBER BRIEFING",
            "Sign up for our newsletter",
            "Work email",
            "You must be a subscriber",
            "© 2025 Shipping Gazette",
        ],
    );
    assert_own_paragraphs_unshared(
        4,
        &[
            "Grain cargoes stack up",
            "Demurrage bills mount",
            "At least a dozen bulk carriers",
            "Ship-tracking data",
            "Brokers said the delay",
            "“Nobody is going to divert",
            "Insurers said claims",
            "The storm also briefly closed",
        ],
    );
    assert_cut_paragraphs_unshared(4, &[1, 3, 6, 7, 10, 11, 12, 13]);
}

#[test]
fn outlet_4_ratios() {
    assert_ratios(4, [2, 4, 5, 8, 9].map(w), 0.04);
}

// The small pairs: a quick look, Russian, and Chinese without spaces.

#[test]
fn short_pair_is_one_passage_across_two_sentences() {
    let pair = Pair::new(
        include_str!("fixtures/short/a.txt"),
        include_str!("fixtures/short/b.txt"),
        &CompareOptions::default(),
    );
    assert_eq!(pair.result.passages.len(), 1);
    assert_bridged(
        &pair,
        &[(
            "Firefighters brought a forest fire in the hills above Kessab under control on Thursday after three days, the civil defence said. The blaze destroyed about 200 hectares of pine forest",
            "Firefighters brought a forest fire in the hills above Kessab under control Thursday after three days, the civil defence said, adding that the blaze destroyed about 200 hectares of pine forest",
            &[("on", ""), (".", ", adding that")],
        )],
    );
}

#[test]
fn russian_pair_finds_reordered_paragraphs_through_other_quote_marks() {
    let pair = Pair::new(
        include_str!("fixtures/russian/a.txt"),
        include_str!("fixtures/russian/b.txt"),
        &CompareOptions::default(),
    );
    let director = "Директор порта Рания Абуд заявила, что терминалы останутся закрытыми как минимум до среды, когда инженеры закончат осмотр повреждённых кранов.";
    assert!(pair.shared(director).exact);
    assert_bridged(
        &pair,
        &[(
            "Волны высотой до шести метров перехлестнули через участок внешнего волнолома",
            "Волны высотой до шести метров перехлестнули через участок старого внешнего волнолома",
            &[("", "старого")],
        )],
    );
    pair.covering(
        "«Мы никогда не видели, чтобы море так переливалось через стену»",
        "„Мы никогда не видели, чтобы море так переливалось через стену“",
    );
    pair.assert_unshared_in_b(paragraph(pair.b, "Жители прибрежных кварталов"));
    pair.assert_unshared_in_b(paragraph(pair.b, "Рейсы на авиабазу"));
}

#[test]
fn chinese_pair_matches_characters_without_spaces() {
    let pair = Pair::new(
        include_str!("fixtures/chinese/a.txt"),
        include_str!("fixtures/chinese/b.txt"),
        &CompareOptions::default(),
    );
    assert!(pair.shared("气象部门说，这是十多年来袭击叙利亚沿海的最强风暴，预计周二向内陆移动后减弱。").exact);
    assert_bridged(
        &pair,
        &[(
            "港务局在声明中说，高达六米的海浪在黎明前越过外防波堤的一段，淹没了两座存放小麦和水泥的仓库。",
            "港务局在声明中说，高达六米的海浪在黎明前越过外防波堤的一段，淹没了两座存放粮食和水泥的仓库。",
            &[("小麦", "粮食")],
        )],
    );
    pair.assert_unshared_in_b(locate(pair.b, "当地渔民连夜把渔船拖上岸，老城区不少商店周一没有开门。"));
}
