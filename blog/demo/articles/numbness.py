"""Demo article: numbness and tingling. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import STABLER_2013
from ..refs import Article

ARTICLE = {
    "body": [
        blocks.callout(
            "emergency",
            "Call 911 for sudden numbness on one side",
            "<p>Sudden numbness or weakness of the face, arm or leg, especially "
            "on one side, with confusion, trouble speaking or seeing, or a sudden severe "
            "headache, can be a stroke. Call 911 at once: fast treatment saves brain "
            "tissue.</p>",
        ),
        blocks.symptom_list(
            "Numbness and tingling: how soon to act",
            "",
            [
                (
                    "Brief pins and needles after sitting or lying on a limb",
                    "It passes within minutes once you move.",
                    "self_care",
                ),
                (
                    "Tingling or burning in both feet that slowly gets worse",
                    "A common sign of nerve damage (peripheral neuropathy), for "
                    "example from diabetes or low vitamin B12.",
                    "see_doctor",
                ),
                (
                    "Numbness with new weakness or trouble walking",
                    "Get medical advice the same day.",
                    "urgent",
                ),
                (
                    "Numbness in the groin or legs with loss of bladder or bowel control",
                    "This can mean pressure on the nerves at the base of the spine.",
                    "emergency",
                ),
                (
                    "Sudden numbness of the face, arm or leg on one side",
                    "A possible sign of stroke.",
                    "emergency",
                ),
            ],
            "See a doctor about numbness that lasts, keeps coming back or spreads.",
        ),
        blocks.section(
            "Common causes",
            "<p>Tingling and numbness come from irritated or damaged nerves. "
            "Common causes include diabetes, low vitamin B12, carpal tunnel syndrome, "
            "pressure on a nerve in the spine, heavy drinking and some medicines, "
            "including certain cancer drugs.</p>",
        ),
        blocks.section(
            "What the doctor may check",
            "<p>Expect questions about when it started and where you feel it, an "
            "examination of feeling, strength and reflexes, and blood tests for blood "
            "sugar, vitamin B12 and thyroid function. Nerve tests are sometimes "
            "needed.</p>",
        ),
        blocks.related_articles(
            "Related articles", [Article("vitamin-b12-what-it-does-and-where-to-get-it")]
        ),
    ],
    "references": [
        {
            "authors": "National Institute of Neurological Disorders and Stroke",
            "title": "Peripheral Neuropathy",
            "publication": "National Institutes of Health",
            "url": "https://www.ninds.nih.gov/health-information/disorders/peripheral-neuropathy",
        },
        STABLER_2013,
    ],
}
