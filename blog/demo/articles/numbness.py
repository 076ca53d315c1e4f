"""Demo article: numbness and tingling. A draft the writer is still working on."""

from ..refs import DISCLAIMER, Article

ARTICLE = {
    "slug": "numbness-and-tingling-in-the-hands-and-feet",
    "title": "Numbness and tingling in the hands and feet: when to get help",
    "summary": "Pins and needles are usually harmless and brief. Numbness that lasts, spreads "
    "or comes on suddenly can be a sign of nerve damage, low vitamin B12 or a stroke.",
    "authors": ["sam-rivera"],
    "topics": ["nerve-health", "vitamin-b12"],
    "tags": ["nerves", "symptoms"],
    "image": "nerves",
    "featured": False,
    "state": "draft",
    "body": [
        (
            "callout",
            {
                "kind": "emergency",
                "title": "Call 911 for sudden numbness on one side",
                "body": "<p>Sudden numbness or weakness of the face, arm or leg, especially "
                "on one side, with confusion, trouble speaking or seeing, or a sudden severe "
                "headache, can be a stroke. Call 911 at once: fast treatment saves brain "
                "tissue.</p>",
            },
        ),
        (
            "symptom_list",
            {
                "heading": "Numbness and tingling: how soon to act",
                "intro": "",
                "items": [
                    {
                        "symptom": "Brief pins and needles after sitting or lying on a limb",
                        "detail": "It passes within minutes once you move.",
                        "care_level": "self_care",
                    },
                    {
                        "symptom": "Tingling or burning in both feet that slowly gets worse",
                        "detail": "A common sign of nerve damage (peripheral neuropathy), for "
                        "example from diabetes or low vitamin B12.",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Numbness with new weakness or trouble walking",
                        "detail": "Get medical advice the same day.",
                        "care_level": "urgent",
                    },
                    {
                        "symptom": "Numbness in the groin or legs with loss of bladder or bowel "
                        "control",
                        "detail": "This can mean pressure on the nerves at the base of the spine.",
                        "care_level": "emergency",
                    },
                    {
                        "symptom": "Sudden numbness of the face, arm or leg on one side",
                        "detail": "A possible sign of stroke.",
                        "care_level": "emergency",
                    },
                ],
                "when_to_get_help": "See a doctor about numbness that lasts, keeps coming "
                "back or spreads.",
            },
        ),
        (
            "section",
            {
                "heading": "Common causes",
                "anchor": "",
                "body": "<p>Tingling and numbness come from irritated or damaged nerves. "
                "Common causes include diabetes, low vitamin B12, carpal tunnel syndrome, "
                "pressure on a nerve in the spine, heavy drinking and some medicines, "
                "including certain cancer drugs.</p>",
            },
        ),
        (
            "section",
            {
                "heading": "What the doctor may check",
                "anchor": "",
                "body": "<p>Expect questions about when it started and where you feel it, an "
                "examination of feeling, strength and reflexes, and blood tests for blood "
                "sugar, vitamin B12 and thyroid function. Nerve tests are sometimes "
                "needed.</p>",
            },
        ),
        (
            "related_articles",
            {
                "heading": "Related articles",
                "articles": [Article("vitamin-b12-what-it-does-and-where-to-get-it")],
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institute of Neurological Disorders and Stroke",
            "title": "Peripheral Neuropathy",
            "publication": "National Institutes of Health",
            "url": "https://www.ninds.nih.gov/health-information/disorders/peripheral-neuropathy",
        },
        {
            "authors": "Stabler SP",
            "title": "Vitamin B12 deficiency",
            "publication": "New England Journal of Medicine",
            "year": 2013,
            "doi": "10.1056/NEJMcp1113996",
            "pmid": "23301732",
        },
    ],
}
