# What only a root module holds: the backend and the provider configurations (the providers are
# pinned here as in every module).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }

  # Partial configuration: `terraform init -backend-config=backend.hcl`.
  backend "azurerm" {}
}

provider "azurerm" {
  features {}
  # Storage data-plane calls use Entra ID, not shared keys.
  storage_use_azuread = true
}

provider "azapi" {}
