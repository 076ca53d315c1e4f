"""The task backend: django-tasks-db's, with a few tasks kept in the calling process.

Wagtail and modelsearch hand their own work to django-tasks (reference index,
search index, CDN purges, image focal points, file deletion), so with a database
backend all of it waits for the worker. That suits everything but Wagtail's
reference index: health_content.protection refuses to delete an image, document
or snippet a live article uses by reading that index, so it must be current as
soon as the save that changed it returns.
"""

from django_tasks_db.backend import DatabaseBackend as BaseDatabaseBackend


class DatabaseBackend(BaseDatabaseBackend):
    """Stores tasks for `db_worker`, except those named in ``OPTIONS["IMMEDIATE_TASKS"]``.

    Those run at once through the ``IMMEDIATE_BACKEND`` alias (default
    ``"immediate"``, a django-tasks ImmediateBackend).
    """

    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.immediate_tasks = frozenset(self.options.get("IMMEDIATE_TASKS", ()))
        self.immediate_backend = self.options.get("IMMEDIATE_BACKEND", "immediate")

    def enqueue(self, task, args, kwargs):
        if task.module_path in self.immediate_tasks:
            return task.using(backend=self.immediate_backend).enqueue(*args, **kwargs)
        return super().enqueue(task, args, kwargs)

    async def aenqueue(self, task, args, kwargs):
        if task.module_path in self.immediate_tasks:
            return await task.using(backend=self.immediate_backend).aenqueue(*args, **kwargs)
        return await super().aenqueue(task, args, kwargs)
