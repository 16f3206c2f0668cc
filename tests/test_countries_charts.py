import pandas as pd
import pytest

from northam import charts, countries


def test_iso3_harmonisation():
    assert countries.to_iso3("Mexico") == "MEX"
    assert countries.to_iso3("China, P.R.: Mainland") == "CHN"
    assert countries.to_iso3("Korea, South") == "KOR"
    assert countries.to_iso3("European Union") is None
    assert countries.to_iso3("World") is None


def test_member_colours_are_fixed_and_distinct():
    cols = [countries.color(c) for c in countries.MEMBERS]
    assert len(set(cols)) == 3


def test_publish_requires_alt_and_writes_csv(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NORTHAM_FIGURE_DIR", str(tmp_path / "figs"))
    from northam import downloads

    downloads.start("demo", "Demo", "cite")
    fig, ax = charts.figure("T", "units")
    ax.plot([1, 2], [3, 4])
    with pytest.raises(ValueError, match="alt text"):
        charts.publish(fig, "x", data=pd.DataFrame({"a": [1]}), source="s", alt="", caption="c")
    fig, ax = charts.figure("T", "units")
    ax.plot([1, 2], [3, 4])
    charts.publish(fig, "x", data=pd.DataFrame({"a": [1, 2]}), source="S", alt="a line", caption="c")
    assert (tmp_path / "figs" / "demo" / "x.png").is_file()
    assert pd.read_csv(tmp_path / "figs" / "demo" / "x.csv")["a"].tolist() == [1, 2]


def test_publisher_spellings_live_in_one_place():
    for name, iso in [("KOREA, SOUTH", "KOR"), ("Republic of Korea", "KOR"), ("Hong Kong, China", "HKG"),
                      ("GERMANY, FED. REPUBLIC", "DEU"), ("China, People's Republic", "CHN"), ("UK", "GBR"),
                      ("Viet Nam", "VNM"), ("Unknown", None)]:
        assert countries.to_iso3(name) == iso, name
