"""Charts people can read (core/charts.py): text that never shrinks with the screen, one
colour or a hatched second series, every year in its place, and the same figures in words
and in a table."""

import re
import xml.etree.ElementTree as ET

from django.template.loader import render_to_string
from django.test import SimpleTestCase

from core.charts import BAR_MAX_PERCENT, GREEN, ORANGE, PALETTE, Series, bar_chart, year_chart
from core.lib.formatting import vn_number

SVG = "{http://www.w3.org/2000/svg}"
PEOPLE = (Series("Thành viên", "thành viên"), Series("Lao động thường xuyên", "lao động"))


def parse(chart) -> ET.Element:
    return ET.fromstring(str(chart))


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def contrast_on_white(colour: str) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


class BarChartTests(SimpleTestCase):
    def setUp(self):
        self.chart = bar_chart(
            "HTX thành lập mới và giải thể",
            [("Thành lập mới", 1264), ("Giải thể, sáp nhập", 3), ("Chuyển đổi", None)],
            "HTX",
            label_header="Biến động",
            value_header="Số HTX",
        )
        self.svg = parse(self.chart)

    def test_text_keeps_its_pixel_size_on_every_screen(self):
        # Scaled by a viewBox, 13-unit labels were 6-8 px on a phone.
        self.assertNotIn("viewbox", str(self.chart).lower())
        self.assertEqual(self.svg.get("width"), "100%")
        self.assertRegex(self.svg.get("height"), r"^\d+$")  # pixels
        sizes = [float(text.get("font-size")) for text in self.svg.iter(f"{SVG}text")]
        self.assertTrue(sizes)
        self.assertGreaterEqual(min(sizes), 12)
        # On a page the text reads in the page's font: no serif named in the SVG.
        self.assertNotIn("font-family", str(self.chart))

    def test_bars_and_values_are_placed_in_percentages(self):
        widths = [rect.get("width") for rect in self.svg.iter(f"{SVG}rect")]
        self.assertTrue(all(width.endswith("%") for width in widths), widths)
        self.assertEqual(widths[0], f"{BAR_MAX_PERCENT}%")  # the largest, room for its value
        self.assertLessEqual(BAR_MAX_PERCENT, 75)
        value = next(t for t in self.svg.iter(f"{SVG}text") if t.text == "1.264 HTX")
        self.assertEqual((value.get("x"), value.get("dx")), (widths[0], "6"))  # at the bar's end

    def test_each_label_has_its_own_line_above_its_bar(self):
        label, bar, value = list(self.svg)[2:5]
        self.assertEqual((label.text, value.text), ("Thành lập mới", "1.264 HTX"))
        self.assertEqual(label.get("x"), "0")
        self.assertLess(float(label.get("y")), float(bar.get("y")))

    def test_a_single_series_is_one_dark_colour(self):
        fills = {rect.get("fill") for rect in self.svg.iter(f"{SVG}rect")}
        self.assertEqual(fills, {GREEN})

    def test_the_description_says_every_item_in_vietnamese_numbers(self):
        self.assertEqual(
            self.chart.description,
            "Thành lập mới: 1.264 HTX; Giải thể, sáp nhập: 3 HTX; Chuyển đổi: không có số liệu.",
        )
        self.assertEqual(self.svg.find(f"{SVG}desc").text, self.chart.description)
        self.assertIn("—", texts(self.svg))  # no bar, and a mark where it would be

    def test_the_svg_is_an_image_named_by_its_title_and_described_by_its_desc(self):
        self.assertEqual(self.svg.get("role"), "img")
        title, desc = self.svg.find(f"{SVG}title"), self.svg.find(f"{SVG}desc")
        self.assertEqual(title.text, "HTX thành lập mới và giải thể")
        self.assertEqual(self.svg.get("aria-labelledby"), title.get("id"))
        self.assertEqual(self.svg.get("aria-describedby"), desc.get("id"))

    def test_the_rows_for_the_table_beside_it(self):
        self.assertEqual(self.chart.headers, ("Biến động", "Số HTX"))
        self.assertEqual(self.chart.rows[0], ("Thành lập mới", "1.264"))

    def test_parts_of_one_chart_share_a_scale(self):
        part = parse(bar_chart("Số HTX theo địa bàn (2/2)", [("Xã A", 5)], "HTX", scale=10))
        self.assertEqual(next(part.iter(f"{SVG}rect")).get("width"), f"{BAR_MAX_PERCENT / 2}%")

    def test_the_pdf_names_the_font_in_the_svg_itself(self):
        printed = ET.fromstring(str(self.chart.with_font("Liberation Sans, sans-serif")))
        self.assertEqual(printed.get("font-family"), "Liberation Sans, sans-serif")
        self.assertEqual(printed.get("role"), "img")


class YearChartTests(SimpleTestCase):
    def setUp(self):
        self.chart = year_chart(
            "Số thành viên và lao động theo năm",
            {2022: (45, 20), 2023: (52, None), 2025: (126, 24)},
            PEOPLE,
        )
        self.svg = parse(self.chart)

    def test_a_year_without_figures_keeps_its_place_label_and_a_mark(self):
        years = [t for t in texts(self.svg) if t and t.isdigit() and len(t) == 4]
        self.assertEqual(years, ["2022", "2023", "2024", "2025"])
        dashed = [line for line in self.svg.iter(f"{SVG}line") if line.get("stroke-dasharray")]
        self.assertEqual(len(dashed), 2)  # the year's base line, and its entry in the legend
        self.assertIn("Không có số liệu", texts(self.svg))
        self.assertIn("năm 2024: không có số liệu", self.chart.description)
        self.assertEqual(
            self.chart.description,
            "Năm 2022: 45 thành viên, 20 lao động; năm 2023: 52 thành viên, lao động không có "
            "số liệu; năm 2024: không có số liệu; năm 2025: 126 thành viên, 24 lao động.",
        )
        self.assertIn(("2024", "—", "—"), self.chart.rows)

    def test_years_are_evenly_placed_columns_in_percentages(self):
        labels = {t.text: t.get("x") for t in self.svg.iter(f"{SVG}text") if t.text in
                  ("2022", "2023", "2024", "2025")}  # fmt: skip
        self.assertEqual(labels, {"2022": "12.5%", "2023": "37.5%", "2024": "62.5%",
                                  "2025": "87.5%"})  # fmt: skip
        self.assertNotIn("viewbox", str(self.chart).lower())
        for rect in self.svg.findall(f"{SVG}rect")[2:]:  # the columns, after the legend
            self.assertTrue(rect.get("x").endswith("%") and rect.get("width").endswith("%"))

    def test_values_stand_on_their_columns(self):
        column = self.svg.findall(f"{SVG}rect")[2]  # 2022's members, after the legend
        value = next(t for t in self.svg.iter(f"{SVG}text") if t.text == "45")
        centre = float(column.get("x")[:-1]) + float(column.get("width")[:-1]) / 2
        self.assertAlmostEqual(float(value.get("x")[:-1]), centre, places=1)
        self.assertLess(float(value.get("y")), float(column.get("y")))
        self.assertEqual(value.get("text-anchor"), "middle")

    def test_the_second_series_is_hatched_and_both_are_in_the_legend(self):
        pattern = self.svg.find(f"{SVG}defs/{SVG}pattern")
        fills = [rect.get("fill") for rect in self.svg.findall(f"{SVG}rect")]
        self.assertIn(GREEN, fills)
        self.assertIn(f"url(#{pattern.get('id')})", fills)
        self.assertEqual(pattern.find(f"{SVG}rect").get("fill"), ORANGE)
        self.assertIsNotNone(pattern.find(f"{SVG}path"))  # the stripes
        legend = self.svg.findall(f"{SVG}rect")[:2]  # the swatches, drawn first
        self.assertEqual([r.get("fill") for r in legend], [GREEN, f"url(#{pattern.get('id')})"])
        self.assertIn("Thành viên", texts(self.svg))
        self.assertIn("Lao động thường xuyên", texts(self.svg))

    def test_ids_are_unique_across_charts_on_one_page(self):
        other = year_chart("Số xã viên theo năm", {2022: (1, 2)}, PEOPLE)
        page = str(self.chart) + str(other)
        ids = re.findall(r'\bid="([^"]+)"', page)
        self.assertEqual(len(ids), len(set(ids)), ids)
        for chart in (self.chart, other):
            svg = parse(chart)
            own = svg.find(f"{SVG}defs/{SVG}pattern").get("id")
            self.assertIn(f'fill="url(#{own})"', str(chart))
            self.assertEqual(str(chart).count("url(#"), str(chart).count(f"url(#{own})"))

    def test_years_too_many_or_values_too_wide_for_a_phone_are_rows_of_bars(self):
        # Eight years of pairs, or four-digit members over four years: columns on a phone
        # would have their values run into each other.
        for values in (
            dict.fromkeys(range(2014, 2022), (45, 20)) | {2023: (50, 21)},
            {2022: (1264, 20), 2023: (1300, 24), 2025: (1310, 25)},
        ):
            chart = year_chart("Số thành viên và lao động theo năm", values, PEOPLE)
            svg = parse(chart)
            years = [str(year) for year in range(min(values), max(values) + 1)]
            labels = [t for t in svg.iter(f"{SVG}text") if t.text in years]
            self.assertEqual([t.text for t in labels], years)  # every year, the gap too
            self.assertEqual({t.get("x") for t in labels}, {"0"})  # each on its own line
            self.assertIn("không có số liệu", texts(svg))  # the year without figures, said
            self.assertIn(f"năm {max(values) - 1}: không có số liệu", chart.description)
            bars = svg.findall(f"{SVG}rect")[2:]
            self.assertTrue(all(r.get("width").endswith("%") for r in bars))
            top = max(values[max(values)])
            value = next(t for t in svg.iter(f"{SVG}text") if t.text == vn_number(top))
            self.assertEqual(value.get("dx"), "6")  # at its bar's end
            sizes = [float(t.get("font-size")) for t in svg.iter(f"{SVG}text")]
            self.assertGreaterEqual(min(sizes), 12)

    def test_colours_stand_out_on_white(self):
        # WCAG 1.4.11: graphics need 3:1.
        for colour in PALETTE:
            self.assertGreaterEqual(contrast_on_white(colour), 3, colour)


class ChartIncludeTests(SimpleTestCase):
    chart = bar_chart("Sản phẩm OCOP theo số sao", [("3 sao", 1264), ("4 sao", 25)], "sản phẩm",
                      label_header="Hạng sao", value_header="Số sản phẩm")  # fmt: skip

    def test_a_figure_with_its_title_as_text_the_svg_and_the_table(self):
        html = render_to_string("includes/chart.html", {"chart": self.chart})
        self.assertInHTML("<figcaption>Sản phẩm OCOP theo số sao</figcaption>", html)
        self.assertIn('<svg xmlns="http://www.w3.org/2000/svg"', html)
        self.assertInHTML("<summary>Xem bảng số liệu</summary>", html)
        self.assertInHTML('<th scope="col">Số sản phẩm</th>', html)
        self.assertInHTML('<tr><th scope="row">3 sao</th><td class="num">1.264</td></tr>', html)

    def test_without_the_table_where_one_is_beside_it(self):
        html = render_to_string("includes/chart.html", {"chart": self.chart, "table": False})
        self.assertIn("<figcaption>", html)
        self.assertNotIn("<details", html)
        self.assertNotIn("<table", html)

    def test_a_font_for_print(self):
        html = render_to_string(
            "includes/chart.html", {"chart": self.chart, "table": False, "font": "Liberation Sans"}
        )
        self.assertIn('<svg font-family="Liberation Sans" xmlns=', html)
