"""Numbers as the articles write them."""

from decimal import Decimal

import pytest

from transition_kg.core.numerals import numbers_in


@pytest.mark.parametrize(
    "text, expected",
    [
        ("this city of 700,000 now", ["700000"]),
        ("peak output of 30 million tons annually", ["30000000"]),
        ("generates ~60% of its electricity", ["60"]),
        ("lasting 1,066 seconds at 100 million degrees Celsius", ["1066", "100000000"]),
        ("from 15 billion yuan in 2022 to over 61 billion last year", ["15000000000", "2022", "61000000000"]),
        ("rose 5.3 percent from the 2023 level to 174.2", ["5.3", "2023", "174.2"]),
        ("make up one-eighth of the nation's total", ["0.125"]),
        ("36 real-world locations, six of which", ["36", "6"]),
        ("The world's second-largest economy", ["2"]),
        ("has more than quadrupled", ["4"]),
        ("century-old reputation", ["100"]),
        ("The Rs 13,277-crore plant and a 1.2-billion-yuan fund", ["132770000000", "1200000000"]),
        ("CR450 reached", []),
        ("no numbers here", []),
    ],
)
def test_numbers_in(text, expected):
    assert numbers_in(text) == [Decimal(x) for x in expected]
