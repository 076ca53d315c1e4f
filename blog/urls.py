from django.urls import path

from . import views

app_name = "blog"

urlpatterns = [
    path("authors/<slug:slug>/", views.author_detail, name="author"),
    path("reviewers/<slug:slug>/", views.reviewer_detail, name="reviewer"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
]
