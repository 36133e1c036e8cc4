variable "name" {
  description = "Environment name (e.g. dev); resources are named vnet-aml-<name>, bas-aml-<name>, vm-jump-<name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,10}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-12 characters: lowercase letters, digits and single hyphens, starting with a letter."
  }
}

variable "location" {
  description = "Azure region of the network resources."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group that holds the VNet, Bastion and jumpbox."
  type        = string
}

variable "address_space" {
  description = "VNet address space in CIDR notation (must not overlap any other environment)."
  type        = string

  validation {
    condition     = can(cidrhost(var.address_space, 0))
    error_message = "address_space must be a valid IPv4 CIDR, e.g. 10.10.0.0/16."
  }
}

variable "subnet_cidrs" {
  description = "Subnet prefixes inside address_space: private_endpoints (workspace, registry, storage, Key Vault, ACR endpoints), bastion (AzureBastionSubnet, /26 or larger) and jumpbox."
  type = object({
    private_endpoints = string
    bastion           = string
    jumpbox           = string
  })

  validation {
    condition     = alltrue([for cidr in values(var.subnet_cidrs) : can(cidrhost(cidr, 0))])
    error_message = "Every subnet prefix must be a valid IPv4 CIDR."
  }

  validation {
    condition     = tonumber(split("/", var.subnet_cidrs.bastion)[1]) <= 26
    error_message = "Azure Bastion needs a subnet of /26 or larger."
  }
}

variable "jumpbox_vm_size" {
  description = "VM size of the Bastion-only Linux jumpbox."
  type        = string
  default     = "Standard_B2s"
}

variable "jumpbox_admin_username" {
  description = "Admin user name of the jumpbox."
  type        = string
  default     = "azureuser"
}

variable "jumpbox_admin_ssh_public_key" {
  description = "SSH public key (OpenSSH format) for the jumpbox admin; password login is disabled."
  type        = string

  validation {
    condition     = can(regex("^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256) ", var.jumpbox_admin_ssh_public_key))
    error_message = "jumpbox_admin_ssh_public_key must be an OpenSSH public key (ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256)."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
