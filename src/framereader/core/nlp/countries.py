"""Names of countries (and a few of their common short forms): facts the small model keeps
mislabelling ("Jordan" as a person, "Niger" as a date) or missing ("Syria"). Lower case."""

from __future__ import annotations

COUNTRIES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
    bosnia botswana brazil brunei bulgaria burkina faso burundi cambodia cameroon canada
    chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti
    dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
    georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland
    india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
    kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
    lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
    mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
    nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu
    uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain
    england scotland wales
    """.split()
) | frozenset(
    {
        "burkina faso", "cape verde", "central african republic", "costa rica", "czech republic",
        "dominican republic", "east timor", "el salvador", "equatorial guinea", "guinea-bissau",
        "ivory coast", "marshall islands", "new zealand", "north korea", "north macedonia",
        "papua new guinea", "saint lucia", "san marino", "saudi arabia", "sierra leone",
        "solomon islands", "south africa", "south korea", "south sudan", "sri lanka",
        "trinidad and tobago", "united arab emirates", "united kingdom", "united states",
        "united states of america", "vatican city", "western sahara", "bosnia and herzegovina",
        "democratic republic of congo", "democratic republic of the congo", "the gambia",
        "the netherlands", "the philippines", "u.s.", "u.k.", "usa", "uk", "us",
    }
)
