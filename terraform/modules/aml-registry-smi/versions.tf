terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
    # azurerm has no Azure ML registry resource; azapi manages it through ARM directly.
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}
