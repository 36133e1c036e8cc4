terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.50"
    }
    # The registry outbound rule (sub-resource amlregistry) is an ARM resource azurerm cannot write.
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}
