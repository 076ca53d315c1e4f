"""The "Medical content" snippet listings, as an editor uses them."""

import pytest
from django.urls import reverse

from health_content.factories import NutrientReferenceFactory
from tests.factories import PASSWORD, make_editor

pytestmark = pytest.mark.django_db


@pytest.mark.search_index
def test_an_editor_finds_a_nutrient_by_the_start_of_its_name(client):
    NutrientReferenceFactory(name="Vitamin B12")
    NutrientReferenceFactory(name="Folate", unit="mcg DFE")
    client.login(username=make_editor().username, password=PASSWORD)
    url = reverse("wagtailsnippets_health_content_nutrientreference:list")

    response = client.get(url, {"q": "vitam"})

    assert response.status_code == 200
    listed = [nutrient.name for nutrient in response.context["object_list"]]
    assert listed == ["Vitamin B12"]
