from northam.claims import Claim, table


def test_status_rules():
    rows = table([
        Claim("c", "a", "NAP2025", "s", 100, 101.9, "u"),
        Claim("c", "b", "NAP2025", "s", 100, 103, "u", reason="revision"),
        Claim("c", "c", "NAP2025", "s", 100, None, "u", needed="USDA FAS GATS"),
    ])
    assert list(rows["status"]) == ["reproduced", "differs", "no open data"]
    bound = table([Claim("c", "over", "NAP2025", "s", 200, 206, "%", comparison="at least"),
                   Claim("c", "over", "NAP2025", "s", 200, 150, "%", comparison="at least")])
    assert list(bound["status"]) == ["reproduced", "differs"]
    assert rows.loc[1, "difference"] == 3
