from markup import parse


def test_parse_gives_plain_text_and_offsets():
    text, spans = parse("Signé le <d v='2018-07-10'>10 juillet 2018</d> avec <o>l'UTT</o>.")
    assert text == "Signé le 10 juillet 2018 avec l'UTT."
    assert [(s.tag, s.text, text[s.start:s.end], s.attrs) for s in spans] == [
        ("d", "10 juillet 2018", "10 juillet 2018", {"v": "2018-07-10"}),
        ("o", "l'UTT", "l'UTT", {}),
    ]
