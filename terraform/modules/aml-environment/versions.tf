terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
    # The registry (module aml-registry-smi) is managed through azapi.
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}
