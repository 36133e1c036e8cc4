"""The Azure credential of steps that call Azure (compare, register).

On an Azure ML compute cluster with a user-assigned managed identity, Azure ML exposes that
identity's client id as DEFAULT_IDENTITY_CLIENT_ID (how-to-identity-based-service-
authentication, MicrosoftDocs/azure-ai-docs); the step uses it, so registry access is granted
to the compute identity, not to whoever submitted the job. Elsewhere (a laptop with
`az login`, a CI runner with a federated identity) DefaultAzureCredential finds the session.
"""
from __future__ import annotations

import os


def compute_credential():
    from azure.identity import DefaultAzureCredential, ManagedIdentityCredential  # noqa: PLC0415

    client_id = os.environ.get("DEFAULT_IDENTITY_CLIENT_ID")
    if client_id:
        return ManagedIdentityCredential(client_id=client_id)
    return DefaultAzureCredential()
